package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.openqa.selenium.By;

/** Several customer accounts per user: "Lägg till kundkonto", the picker at login, "Byt kund", token claims. */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class CustomerAccountsIT extends BrowserTestBase {

    private static final String PICKER = "login-kundkonto-select-customer";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-accounts");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    private AccessTokenResponse tokensFromCallback() {
        String code = oauth.parseLoginResponse().getCode();
        assertThat(code).as("back at the portal with a code").isNotBlank();
        return oauth.doAccessTokenRequest(code);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> customers(AccessToken token) {
        return (List<Map<String, Object>>) token.getOtherClaims().get("customers");
    }

    @SuppressWarnings("unchecked")
    private static String activeCustomer(AccessToken token) {
        Map<String, Object> active =
                (Map<String, Object>) token.getOtherClaims().get("active_customer");
        return active == null ? null : (String) active.get("number");
    }

    private AccessToken token(AccessTokenResponse response) {
        return oauth.verifyToken(response.getAccessToken());
    }

    @Test
    void aUserAddsASecondCustomerAccountPicksOneAtLoginAndSwitchesLater() {
        registerNewUser("02030405", "3456", "multi@norr.se", "Flera2026!konton");
        AccessToken first = token(tokensFromCallback());
        assertThat(customers(first))
                .containsExactly(Map.of("number", "02030405", "name", "Sopbolaget i Norr AB", "role", "Admin"));
        assertThat(activeCustomer(first)).isEqualTo("02030405");

        // "Lägg till kundkonto": the same verification, as an application-initiated action.
        oauth.loginForm().kcAction("kundkonto-add-customer").uiLocales("sv").open();
        assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
        assertThat(browser.title()).isEqualTo("Lägg till kundkonto");
        browser.screenshot("add-customer-sv");
        browser.verifyCustomer("04050607", "0000");
        assertThat(browser.feedback()).contains("Kundnumret eller siffrorna stämmer inte.");
        browser.verifyCustomer("04050607", "7652");
        AccessToken added = token(tokensFromCallback());
        assertThat(customers(added)).extracting(c -> c.get("number")).containsExactly("02030405", "04050607");
        assertThat(activeCustomer(added)).as("the added account becomes active").isEqualTo("04050607");

        // Next login: the picker, last used preselected.
        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.login("multi@norr.se", "Flera2026!konton");
        assertThat(browser.pageId()).isEqualTo(PICKER);
        assertThat(browser.pageText())
                .contains(
                        "Byt kund",
                        "Sopbolaget i Norr AB (02030405)",
                        "Återvinning Syd AB (04050607)",
                        "Administratör");
        assertThat(driver.findElement(By.id("customer-04050607")).isSelected()).isTrue();
        browser.screenshot("select-customer-sv");
        browser.selectCustomer("02030405");
        AccessTokenResponse chosen = tokensFromCallback();
        assertThat(activeCustomer(token(chosen))).isEqualTo("02030405");

        // "Byt kund" without logging in again; refresh keeps the choice.
        oauth.loginForm().kcAction("kundkonto-switch-customer:04050607").open();
        AccessTokenResponse switched = tokensFromCallback();
        assertThat(activeCustomer(token(switched))).isEqualTo("04050607");
        AccessTokenResponse refreshed = oauth.doRefreshTokenRequest(switched.getRefreshToken());
        assertThat(activeCustomer(token(refreshed))).isEqualTo("04050607");

        // Not a member: refused, with the picker to choose among one's own.
        oauth.loginForm()
                .kcAction("kundkonto-switch-customer:05060708")
                .uiLocales("sv")
                .open();
        assertThat(browser.pageId()).isEqualTo(PICKER);
        assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).contains("inte kopplad"));
        browser.screenshot("select-customer-not-member-sv");
    }

    @Test
    void aRemovedMemberLosesTheCustomerFromTheNextTokenAndCannotSwitchBack() {
        registerNewUser("05060708", "2227", "ex@bygg.se", "Borta2026!konto");
        tokensFromCallback();
        oauth.loginForm().kcAction("kundkonto-add-customer").open();
        browser.verifyCustomer("04050607", "7652");
        AccessTokenResponse tokens = tokensFromCallback();
        assertThat(activeCustomer(token(tokens))).isEqualTo("04050607");

        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        OrganizationRepresentation syd = admin.byCustomerNumber("04050607").orElseThrow();
        String userId = admin.userByEmail("ex@bygg.se").orElseThrow().getId();
        realm.admin()
                .organizations()
                .get(syd.getId())
                .members()
                .member(userId)
                .delete()
                .close();

        AccessToken afterRemoval = token(oauth.doRefreshTokenRequest(tokens.getRefreshToken()));
        assertThat(customers(afterRemoval)).extracting(c -> c.get("number")).containsExactly("05060708");
        assertThat(activeCustomer(afterRemoval)).isEqualTo("05060708");

        oauth.loginForm().kcAction("kundkonto-switch-customer:04050607").open();
        assertThat(browser.pageId()).isEqualTo(PICKER);
    }

    @Test
    void thePortalAndTheAppKeepTheirOwnActiveCustomerAtTheSameTime() {
        registerNewUser("02030405", "3456", "tva@norr.se", "Tva2026!klienter");
        tokensFromCallback();
        oauth.loginForm().kcAction("kundkonto-add-customer").open();
        browser.verifyCustomer("04050607", "7652");
        AccessTokenResponse portal = tokensFromCallback();
        assertThat(activeCustomer(token(portal))).isEqualTo("04050607");

        // "The app": a second client in the same browser session switches to the other customer account.
        realm.admin().clients().create(secondClient()).close();
        oauth.client("second-app", "second-secret");
        try {
            oauth.loginForm().open();
            AccessTokenResponse silent = tokensFromCallback();
            assertThat(activeCustomer(token(silent)))
                    .as("single sign-on: no questions, the last used")
                    .isEqualTo("04050607");
            oauth.loginForm().kcAction("kundkonto-switch-customer:02030405").open();
            AccessTokenResponse app = tokensFromCallback();
            assertThat(activeCustomer(token(app))).isEqualTo("02030405");
            assertThat(activeCustomer(token(oauth.doRefreshTokenRequest(app.getRefreshToken()))))
                    .isEqualTo("02030405");
        } finally {
            oauth.client("test-app", "test-secret");
        }
        assertThat(activeCustomer(token(oauth.doRefreshTokenRequest(portal.getRefreshToken()))))
                .as("the portal's choice is untouched by the app's")
                .isEqualTo("04050607");
    }

    private ClientRepresentation secondClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("second-app");
        client.setSecret("second-secret");
        client.setRedirectUris(List.of(oauth.getRedirectUri()));
        client.setStandardFlowEnabled(true);
        return client;
    }

    @Test
    void userinfoCarriesTheSameClaims() {
        registerNewUser("01020304", "4400", "info@foretaget.se", "Claims2026!ok");
        AccessTokenResponse tokens = tokensFromCallback();
        Map<String, Object> userInfo =
                oauth.doUserInfoRequest(tokens.getAccessToken()).getUserInfo().getOtherClaims();
        assertThat(userInfo).containsKeys("customers", "active_customer");
        assertThat(userInfo.toString()).contains("01020304", "Företaget AB").doesNotContain("112233");
    }
}
