package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Issue 14: passkeys. Chromium's virtual authenticator (CTAP2, internal transport, resident keys, user
 * verification) stands in for the phone's fingerprint or face: offered after registration, used to sign in
 * without a password, asked as the second factor after a password, removed in "Mina uppgifter".
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class PasskeyIT extends BrowserTestBase {

    private static final String PASSWORD = "Ratt2026!pass";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-passkeys");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    private VirtualAuthenticator phone;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    @BeforeEach
    void aPhoneWithFingerprint() {
        phone = ((HasVirtualAuthenticator) driver.driver()).addVirtualAuthenticator(phoneOptions());
    }

    /**
     * The phone out of reach: the key stays on it. While it is there, Chromium answers the login page's
     * conditional request (the e-mail field's autofill) at once, as if the person picked their key, so a test
     * that looks at the page first puts the phone away and brings it back ({@link #phoneBack()}).
     */
    private List<Credential> phoneAway() {
        List<Credential> keys = phone.getCredentials();
        ((HasVirtualAuthenticator) driver.driver()).removeVirtualAuthenticator(phone);
        phone = null;
        return keys;
    }

    private void phoneBack(List<Credential> keys) {
        phone = ((HasVirtualAuthenticator) driver.driver()).addVirtualAuthenticator(phoneOptions());
        keys.forEach(phone::addCredential);
    }

    /** Back at the portal without a click: the conditional request took the key from the autofill. */
    private void waitForCallback() {
        new WebDriverWait(driver.driver(), Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:8500"));
    }

    private static VirtualAuthenticatorOptions phoneOptions() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
    }

    /** The browser is shared with other test classes: they must not find a key in it. */
    @AfterEach
    void phoneGone() {
        if (phone != null) {
            ((HasVirtualAuthenticator) driver.driver()).removeVirtualAuthenticator(phone);
        }
    }

    private List<CredentialRepresentation> credentials(String email, String type) {
        String id = realm.admin().users().searchByEmail(email, true).get(0).getId();
        return realm.admin().users().get(id).credentials().stream()
                .filter(c -> type.equals(c.getType()))
                .toList();
    }

    /** Registers, chooses a passkey on the offer, creates it and saves the recovery codes that follow. */
    private void registerWithPasskey(String email, String locale) {
        registerUntilTotpOffer(locale, "04050607", "7652", email, PASSWORD);
        assertThat(browser.pageId()).isEqualTo(Browser.TOTP_PAGE);
        browser.choosePasskey();
        assertThat(browser.pageId()).isEqualTo(Browser.PASSKEY_REGISTER_PAGE);
        browser.createPasskey("Min telefon");
        assertThat(browser.pageId()).as("recovery codes follow the passkey").isEqualTo(Browser.RECOVERY_CODES_PAGE);
        assertThat(browser.saveRecoveryCodesIfAsked()).hasSize(12);
        tokenFromCallback();
        browser.forgetSession(realm.getBaseUrl());
    }

    private String signedInAs() {
        AccessToken token = tokenFromCallback();
        return token.getPreferredUsername();
    }

    @Test
    void aPasskeyChosenAtRegistrationSignsInWithoutAPassword() {
        registerWithPasskey("nyckel@syd.se", "sv");
        assertThat(credentials("nyckel@syd.se", "webauthn-passwordless")).hasSize(1);
        assertThat(credentials("nyckel@syd.se", "recovery-authn-codes")).hasSize(1);
        assertThat(credentials("nyckel@syd.se", "otp")).isEmpty();
        assertThat(phone.getCredentials()).as("the key lives on the phone").hasSize(1);

        List<Credential> keys = phoneAway();
        browser.openLogin(oauth, "sv");
        assertThat(browser.pageId()).as("signed out: the login page").isEqualTo(Browser.LOGIN_PAGE);
        WebElement username = driver.findElement(By.id("username"));
        assertThat(username.getAttribute("autocomplete"))
                .as("the browser offers the passkey in the e-mail field's autofill")
                .isEqualTo("username webauthn");
        assertThat(driver.findElement(By.id("authenticateWebAuthnButton")).getText())
                .isEqualTo("Logga in med nyckel (passkey)");
        browser.screenshot("passkey-login-sv");
        Accessibility.assertNoViolations(driver, "login with passkey (sv)");

        phoneBack(keys);
        driver.driver().navigate().refresh();
        waitForCallback();
        assertThat(signedInAs())
                .as("in with the key alone: no e-mail, no password, no second step")
                .isEqualTo("nyckel@syd.se");

        // The button does the same for a browser without autofill of passkeys.
        browser.forgetSession(realm.getBaseUrl());
        keys = phoneAway();
        browser.openLogin(oauth, "sv");
        phoneBack(keys);
        browser.signInWithPasskey();
        waitForCallback();
        assertThat(signedInAs()).isEqualTo("nyckel@syd.se");
    }

    @Test
    void thePasskeyIsTheSecondFactorAfterThePassword() {
        registerWithPasskey("andra@syd.se", "sv");
        List<Credential> keys = phoneAway();
        browser.openLogin(oauth, "sv");
        browser.login("andra@syd.se", PASSWORD);
        assertThat(browser.pageId()).as("the password alone is not enough").isEqualTo(Browser.PASSKEY_PAGE);
        assertThat(browser.pageText()).contains("Logga in med nyckel (passkey)");
        browser.screenshot("passkey-second-factor-sv");
        Accessibility.assertNoViolations(driver, "passkey as second factor (sv)");
        phoneBack(keys);
        assertThat(browser.signInWithPasskey()).isTrue();
        assertThat(signedInAs()).isEqualTo("andra@syd.se");
    }

    @Test
    void theOfferAndThePasskeyPagesSpeakEnglishAndPassAxe() {
        registerUntilTotpOffer("en", "04050607", "7652", "english-key@syd.se", PASSWORD);
        assertThat(browser.pageText())
                .contains("Passkey", "Create a passkey", "Authenticator app", "Skip two-factor authentication");
        browser.screenshot("second-factor-offer-en");
        Accessibility.assertNoViolations(driver, "second-factor offer (en)");
        browser.choosePasskey();
        assertThat(browser.title()).isEqualTo("Create a passkey");
        browser.screenshot("passkey-register-en");
        Accessibility.assertNoViolations(driver, "passkey registration (en)");
        browser.createPasskey("My phone");
        assertThat(browser.pageId()).isEqualTo(Browser.RECOVERY_CODES_PAGE);
        assertThat(browser.title()).isEqualTo("Recovery codes");
        browser.screenshot("recovery-codes-en");
        Accessibility.assertNoViolations(driver, "recovery codes (en)");
        browser.saveRecoveryCodesIfAsked();
        tokenFromCallback();

        browser.forgetSession(realm.getBaseUrl());
        List<Credential> keys = phoneAway();
        browser.openLogin(oauth, "en");
        assertThat(driver.findElement(By.id("authenticateWebAuthnButton")).getText())
                .isEqualTo("Sign in with passkey");
        Accessibility.assertNoViolations(driver, "login with passkey (en)");
        phoneBack(keys);
        driver.driver().navigate().refresh();
        waitForCallback();
        assertThat(signedInAs()).isEqualTo("english-key@syd.se");
    }

    @Test
    void theSwedishOfferPassesAxe() {
        registerUntilTotpOffer("04050607", "7652", "axe-key@syd.se", PASSWORD);
        assertThat(browser.pageText())
                .contains(
                        "Nyckel (passkey)",
                        "Skapa en nyckel (passkey)",
                        "Autentiseringsapp",
                        "Hoppa över tvåfaktorsautentisering");
        browser.screenshot("second-factor-offer-sv");
        Accessibility.assertNoViolations(driver, "second-factor offer (sv)");
        browser.choosePasskey();
        assertThat(browser.title()).isEqualTo("Skapa en nyckel (passkey)");
        Accessibility.assertNoViolations(driver, "passkey registration (sv)");
        browser.createPasskey("Min telefon");
        assertThat(browser.title()).isEqualTo("Återställningskoder");
        browser.screenshot("recovery-codes-sv");
        Accessibility.assertNoViolations(driver, "recovery codes (sv)");
        browser.saveRecoveryCodesIfAsked();
        tokenFromCallback();
    }

    @Test
    void aPasskeyRemovedInMinaUppgifterNoLongerSignsIn() {
        registerWithPasskey("bort@syd.se", "sv");

        // Signed in to the console by the key's autofill, no password.
        driver.open(realm.getBaseUrl() + "/account/account-security/signing-in?kc_locale=sv");
        WebElement remove = new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                        "[data-testid='webauthn-passwordless/credential-list'] [data-testrole='remove']")));
        browser.screenshot("account-passkeys-sv");
        remove.click();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(d -> "login-delete-credential".equals(browser.pageId()));
        driver.findElement(By.id("kc-accept")).click();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("[data-testid='password/credential-list']")));
        assertThat(credentials("bort@syd.se", "webauthn-passwordless")).isEmpty();
        assertThat(phone.getCredentials()).as("the phone still offers its key").hasSize(1);

        browser.forgetSession(realm.getBaseUrl());
        List<Credential> keys = phoneAway();
        browser.openLogin(oauth, "sv");
        phoneBack(keys);
        browser.signInWithPasskey();
        // Refused, the login page comes back with the error, and its autofill offers the same key again:
        // the phone keeps trying until it is put away.
        pause(Duration.ofSeconds(3));
        phoneAway();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> Browser.LOGIN_PAGE.equals(browser.pageId())
                        && browser.feedback().isPresent());
        assertThat(driver.driver().getCurrentUrl())
                .as("no way in with a removed key")
                .doesNotStartWith("http://127.0.0.1:8500");
        browser.screenshot("passkey-removed-sv");
        browser.openLogin(oauth, "sv");
        browser.login("bort@syd.se", PASSWORD);
        assertThat(browser.pageId())
                .as("the recovery codes are still a second factor")
                .isEqualTo(Browser.RECOVERY_CODE_PAGE);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
