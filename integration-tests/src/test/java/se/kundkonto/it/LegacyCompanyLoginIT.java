package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;

/** The old shared company login (customer number + last four) never yields a session or a token. */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class LegacyCompanyLoginIT extends BrowserTestBase {

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-legacy");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    @Test
    void oldCredentialsAtTheLoginFormLeadIntoRegistrationWithTheCustomerVerified() {
        browser.openLogin(oauth, "sv");
        browser.login("01020304", "4400");

        assertThat(browser.pageId())
                .as("straight to the registration form, no verification page")
                .isEqualTo(Browser.REGISTER_PAGE);
        assertThat(browser.pageText()).contains("Företaget AB", "01020304");
        assertThat(driver.driver().manage().getCookieNamed("KEYCLOAK_IDENTITY"))
                .as("no session for the company login")
                .isNull();
        assertThat(driver.driver().manage().getCookieNamed("KEYCLOAK_SESSION")).isNull();
        browser.screenshot("register-after-legacy-login-sv");

        browser.register("Karin", "Lund", "070-765 43 21", "karin.lund@foretaget.se", "Legacy2026!ok");
        browser.confirmEmail(mailbox, "karin.lund@foretaget.se");
        assertThat(browser.pageId()).isEqualTo(Browser.TOTP_PAGE);
        browser.skipTotp();
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();

        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        OrganizationRepresentation org = admin.byCustomerNumber("01020304").orElseThrow();
        String karin =
                admin.userByEmail("karin.lund@foretaget.se").orElseThrow().getId();
        assertThat(admin.roleMemberIds(org, "Admin")).contains(karin);
        assertThat(realm.admin().users().search("01020304", true))
                .as("no local copy of the company login")
                .isEmpty();
    }

    @Test
    void wrongOldCredentialsGetTheOrdinaryLoginError() {
        browser.openLogin(oauth, "sv");
        browser.login("01020304", "1111");
        assertThat(browser.pageId()).isEqualTo(Browser.LOGIN_PAGE);
        assertThat(browser.feedback()).contains("Ogiltigt användarnamn eller lösenord.");
        assertThat(driver.driver().manage().getCookieNamed("KEYCLOAK_IDENTITY")).isNull();
    }

    @Test
    void theTokenEndpointRefusesCompanyLoginsWhateverThePassword() {
        // The framework's test client allows the password grant, unlike the realm's own clients.
        for (String password : new String[] {"4400", "112233-4400", "1122334400"}) {
            AccessTokenResponse response = oauth.doPasswordGrantRequest("01020304", password);
            assertThat(response.getStatusCode()).isIn(400, 401);
            assertThat(response.getError()).isIn("invalid_grant", "unauthorized_client");
            assertThat(response.getAccessToken()).isNull();
        }
        AccessTokenResponse unknown = oauth.doPasswordGrantRequest("99887766", "4400");
        AccessTokenResponse known = oauth.doPasswordGrantRequest("01020304", "4400");
        assertThat(known.getErrorDescription())
                .as("no hint that the number exists")
                .isEqualTo(unknown.getErrorDescription());
    }
}
