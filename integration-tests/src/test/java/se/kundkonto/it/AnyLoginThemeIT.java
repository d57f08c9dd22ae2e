package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The flow steps' pages ship with the provider jar (theme-resources), not with the kundkonto theme: a
 * realm with its own login theme — here Keycloak's plain {@code keycloak.v2} — still gets the customer
 * verification and the picker, in Swedish, working and accessible.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class AnyLoginThemeIT extends BrowserTestBase {

    private static final String A = "01020304";
    private static final String SYD = "04050607";
    private static final String PASSWORD = "Tema2026!vanlig";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-any-theme");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    @Test
    void verificationAndPickerWorkUnderKeycloaksOwnLoginTheme() {
        // Someone with two customer accounts (registered under the kundkonto theme).
        registerNewUser(A, "4400", "tema@foretaget.se", PASSWORD);
        tokenFromCallback();
        oauth.loginForm().kcAction("kundkonto-add-customer").open();
        browser.verifyCustomer(SYD, "7652");
        tokenFromCallback();

        RealmRepresentation rep = realm.admin().toRepresentation();
        String theme = rep.getLoginTheme();
        assertThat(theme).isEqualTo("kundkonto");
        rep.setLoginTheme("keycloak.v2");
        realm.admin().update(rep);
        try {
            // Registration starts with the pack's verification page, in Keycloak's look.
            browser.forgetSession(realm.getBaseUrl());
            browser.openLogin(oauth, "sv");
            browser.clickRegister();
            assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
            assertThat(driver.driver().findElements(By.cssSelector("link[href*='kundkonto.css']")))
                    .as("keycloak.v2, not kundkonto")
                    .isEmpty();
            assertThat(browser.title()).isEqualTo("Ange era gamla inloggningsuppgifter");
            assertThat(browser.pageText())
                    .contains(
                            "Kundnummer",
                            "De fyra sista siffrorna i organisationsnumret",
                            "Första gången du loggar in blir du automatiskt Administratör.",
                            "Fortsätt");
            WebElement digits = driver.findElement(By.id("orgDigits"));
            assertThat(digits.getAttribute("type")).isEqualTo("text");
            assertThat(digits.getAttribute("inputmode")).isEqualTo("numeric");
            assertThat(digits.getAttribute("autocomplete")).isEqualTo("off");
            Accessibility.assertNoViolations(driver, "customer verification under keycloak.v2");
            browser.screenshot("keycloak-v2-verify-customer-sv");

            browser.verifyCustomer(A, "0000");
            assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
            assertThat(browser.feedback()).contains("Kundnumret eller siffrorna stämmer inte.");
            browser.verifyCustomer(A, "4400");
            assertThat(browser.pageId())
                    .as("verified: on to Keycloak's registration form")
                    .isEqualTo(Browser.REGISTER_PAGE);

            // The picker at login.
            browser.forgetSession(realm.getBaseUrl());
            browser.openLogin(oauth, "sv");
            browser.login("tema@foretaget.se", PASSWORD);
            assertThat(browser.pageId()).isEqualTo("login-kundkonto-select-customer");
            assertThat(browser.title()).isEqualTo("Byt kund");
            assertThat(browser.pageText())
                    .contains("Företaget AB (01020304)", "Återvinning Syd AB (04050607)", "Administratör", "Fortsätt");
            Accessibility.assertNoViolations(driver, "customer picker under keycloak.v2");
            browser.screenshot("keycloak-v2-select-customer-sv");
            browser.selectCustomer(A);
            AccessToken token = tokenFromCallback();
            @SuppressWarnings("unchecked")
            Map<String, Object> active =
                    (Map<String, Object>) token.getOtherClaims().get("active_customer");
            assertThat(active).containsEntry("number", A);
        } finally {
            RealmRepresentation restore = realm.admin().toRepresentation();
            restore.setLoginTheme(theme);
            realm.admin().update(restore);
        }
    }
}
