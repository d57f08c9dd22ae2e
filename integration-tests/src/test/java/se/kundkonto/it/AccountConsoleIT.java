package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** "Mina uppgifter" in Keycloak's account console: change the password, remove two-factor authentication (the app, then its recovery codes). */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class AccountConsoleIT extends BrowserTestBase {

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-account");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    private WebElement waitFor(String css) {
        return new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    private List<CredentialRepresentation> credentials(String email, String type) {
        String id = realm.admin().users().searchByEmail(email, true).get(0).getId();
        return realm.admin().users().get(id).credentials().stream()
                .filter(c -> type.equals(c.getType()))
                .toList();
    }

    @Test
    void aUserChangesThePasswordAndRemovesTwoFactorInTheAccountConsole() {
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
        browser.verifyCustomer("05060708", "2227");
        browser.register("Konto", "Sida", "070-222 33 44", "konto@bygg.se", "Forsta2026!pw");
        browser.confirmEmail(mailbox, "konto@bygg.se");
        Totp.App app = new Totp.App(browser.setUpTotp());
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
        browser.forgetSession(realm.getBaseUrl());

        driver.open(realm.getBaseUrl() + "/account/account-security/signing-in?kc_locale=sv");
        browser.login("konto@bygg.se", "Forsta2026!pw");
        browser.enterOtp(app.nextCode());
        browser.screenshot("account-after-login-sv");
        WebElement remove = waitFor("[data-testid='otp/credential-list'] [data-testrole='remove']");
        assertThat(remove.getText()).isEqualTo("Inaktivera");
        browser.screenshot("account-signing-in-sv");

        // Change password: the current password (and code) again, then the new one twice. Keycloak counts
        // the age of a login in whole seconds, so a click within the login's own second needs no re-login.
        pause(Duration.ofMillis(1100));
        waitFor("[data-testid='password/credential-list'] [data-testrole='update']")
                .click();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(d -> browser.pageId() != null && browser.pageId().startsWith("login-"));
        assertThat(browser.pageId()).as("the current password first").isEqualTo(Browser.LOGIN_PAGE);
        browser.screenshot("account-reauthenticate-sv");
        browser.loginPasswordOnly("Forsta2026!pw");
        if (Browser.OTP_PAGE.equals(browser.pageId())) {
            browser.enterOtp(app.nextCode());
        }
        assertThat(browser.pageId()).isEqualTo("login-login-update-password");
        browser.screenshot("account-update-password-sv");
        browser.newPassword("Andra2026!pw");
        waitFor("[data-testid='otp/credential-list'] [data-testrole='remove']").click();

        // Remove two-factor: Keycloak's confirmation page, then back in the account console.
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(d -> "login-delete-credential".equals(browser.pageId()));
        browser.screenshot("account-remove-otp-confirm-sv");
        driver.findElement(By.id("kc-accept")).click();
        waitFor("[data-testid='password/credential-list'] [data-testrole='update']");
        assertThat(credentials("konto@bygg.se", "otp")).isEmpty();

        // The recovery codes that came with the app are listed beside it and removed the same way; while
        // they are there they are still a second factor.
        assertThat(credentials("konto@bygg.se", "recovery-authn-codes")).hasSize(1);
        waitFor("[data-testid='recovery-authn-codes/credential-list'] [data-testrole='remove']")
                .click();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(d -> "login-delete-credential".equals(browser.pageId()));
        driver.findElement(By.id("kc-accept")).click();
        waitFor("[data-testid='password/credential-list'] [data-testrole='update']");
        assertThat(credentials("konto@bygg.se", "recovery-authn-codes")).isEmpty();

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.login("konto@bygg.se", "Forsta2026!pw");
        assertThat(browser.pageId()).as("the old password is gone").isEqualTo(Browser.LOGIN_PAGE);
        browser.login("konto@bygg.se", "Andra2026!pw");
        assertThat(oauth.parseLoginResponse().getCode())
                .as("straight in: no code any more")
                .isNotBlank();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
