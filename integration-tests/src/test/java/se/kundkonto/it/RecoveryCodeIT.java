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

/**
 * Issue 14: recovery codes (Keycloak's CONFIGURE_RECOVERY_AUTHN_CODES and auth-recovery-authn-code-form).
 * Offered right after the authenticator app is set up; "Använd en återställningskod" at the code page lets
 * the person in with one code, each once; the count and new codes in "Mina uppgifter".
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class RecoveryCodeIT extends BrowserTestBase {

    private static final String PASSWORD = "Ratt2026!pass";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-recovery");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    private List<CredentialRepresentation> credentials(String email, String type) {
        String id = realm.admin().users().searchByEmail(email, true).get(0).getId();
        return realm.admin().users().get(id).credentials().stream()
                .filter(c -> type.equals(c.getType()))
                .toList();
    }

    /** Registers with TOTP; returns the recovery codes Keycloak showed right after, as the person saved them. */
    private List<String> registerWithTotp(String email, String locale) {
        registerUntilTotpOffer("04050607", "7652", email, PASSWORD);
        String secret = driver.findElement(By.id("totpSecret")).getAttribute("value");
        driver.findElement(By.id("totp")).sendKeys(Totp.code(secret));
        WebElement oldPage = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("saveTOTPBtn")).click();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(oldPage));
        assertThat(browser.pageId()).as("the recovery codes follow the app").isEqualTo(Browser.RECOVERY_CODES_PAGE);
        assertThat(browser.title()).isEqualTo("Återställningskoder");
        browser.screenshot("recovery-codes-after-totp-sv");
        List<String> codes = browser.saveRecoveryCodesIfAsked();
        assertThat(codes).hasSize(12).allMatch(code -> code.matches("[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}"));
        tokenFromCallback();
        browser.forgetSession(realm.getBaseUrl());
        return codes;
    }

    /** To the recovery-code page: e-mail and password, then "Använd en återställningskod" on the code page. */
    private void toRecoveryCodePage(String email, String locale) {
        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, locale);
        browser.login(email, PASSWORD);
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
        browser.useRecoveryCodeInstead();
        assertThat(browser.pageId()).isEqualTo(Browser.RECOVERY_CODE_PAGE);
    }

    private static String plain(String code) {
        return code.replace("-", "");
    }

    @Test
    void aRecoveryCodeLetsTheUserInOnceAndTheNextIsAskedNextTime() {
        List<String> codes = registerWithTotp("kod@syd.se", "sv");
        assertThat(credentials("kod@syd.se", "recovery-authn-codes")).hasSize(1);

        browser.openLogin(oauth, "sv");
        browser.login("kod@syd.se", PASSWORD);
        assertThat(driver.findElement(By.id("kundkonto-use-recovery-code")).getText())
                .isEqualTo("Använd en återställningskod");
        assertThat(browser.pageText())
                .as("the e-mailed reset stays, as the last resort")
                .contains("Återställ tvåfaktorsautentisering");
        Accessibility.assertNoViolations(driver, "OTP page with recovery code (sv)");
        browser.useRecoveryCodeInstead();
        assertThat(browser.pageId()).isEqualTo(Browser.RECOVERY_CODE_PAGE);
        assertThat(browser.pageText()).contains("Återställningskod nummer 1");
        browser.screenshot("recovery-code-input-sv");
        Accessibility.assertNoViolations(driver, "recovery code input (sv)");
        browser.enterRecoveryCode(plain(codes.get(0)));
        assertThat(tokenFromCallback().getPreferredUsername()).isEqualTo("kod@syd.se");

        toRecoveryCodePage("kod@syd.se", "sv");
        assertThat(browser.pageText())
                .as("code 1 is spent: the next one is asked")
                .contains("Återställningskod nummer 2");
        browser.enterRecoveryCode(plain(codes.get(0)));
        assertThat(browser.pageId())
                .as("the same code a second time is refused")
                .isEqualTo(Browser.RECOVERY_CODE_PAGE);
        assertThat(browser.pageText()).contains("Återställningskoden stämmer inte");
        pause(Duration.ofMillis(1100));
        browser.enterRecoveryCode(plain(codes.get(1)));
        assertThat(tokenFromCallback().getPreferredUsername()).isEqualTo("kod@syd.se");
    }

    @Test
    void hostileInputOnTheRecoveryCodeFormGetsASwedishMessageAndNoError() {
        List<String> codes = registerWithTotp("fientlig@syd.se", "sv");
        toRecoveryCodePage("fientlig@syd.se", "sv");
        String[] inputs = {
            "AAAA-BBBB-CCCC",
            "",
            "x".repeat(10_240),
            "\u0000\u0007\r\n\u202e\u200b" + plain(codes.get(0)),
            "<script>alert(1)</script>",
            "' OR '1'='1"
        };
        for (String input : inputs) {
            // Keycloak's brute-force detection takes two failures within a second for a robot and locks the
            // account for a minute (the realm's quick-login check): a person's pace, so the message is the one tested.
            pause(Duration.ofMillis(1100));
            browser.enterRecoveryCode(input);
            assertThat(browser.pageId())
                    .as("input of %d characters", input.length())
                    .isEqualTo(Browser.RECOVERY_CODE_PAGE);
            assertThat(browser.pageText())
                    .as("input of %d characters", input.length())
                    .contains("Återställningskoden stämmer inte")
                    .doesNotContain("Exception", "Internal Server Error", "Ett oväntat fel");
        }
        browser.screenshot("recovery-code-wrong-sv");
        Accessibility.assertNoViolations(driver, "recovery code error (sv)");
        pause(Duration.ofMillis(1100));
        browser.enterRecoveryCode(plain(codes.get(0)));
        assertThat(tokenFromCallback().getPreferredUsername())
                .as("the right code still works after the noise")
                .isEqualTo("fientlig@syd.se");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void setUserLocale(String email, String locale) {
        org.keycloak.representations.idm.UserRepresentation user =
                realm.admin().users().searchByEmail(email, true).get(0);
        user.singleAttribute("locale", locale);
        realm.admin().users().get(user.getId()).update(user);
    }

    @Test
    void theRecoveryCodePageSpeaksEnglish() {
        List<String> codes = registerWithTotp("english-code@syd.se", "sv");
        setUserLocale("english-code@syd.se", "en");
        toRecoveryCodePage("english-code@syd.se", "en");
        assertThat(browser.pageText()).contains("Sign in with a recovery code", "Recovery code number 1");
        pause(Duration.ofMillis(1100));
        browser.enterRecoveryCode("wrong");
        assertThat(browser.pageText()).contains("That recovery code is not right");
        browser.screenshot("recovery-code-wrong-en");
        Accessibility.assertNoViolations(driver, "recovery code input (en)");
        browser.enterRecoveryCode(plain(codes.get(0)));
        tokenFromCallback();
    }

    @Test
    void minaUppgifterShowsTheRemainingCountAndNewCodesReplaceTheOld() {
        List<String> codes = registerWithTotp("nya@syd.se", "sv");
        toRecoveryCodePage("nya@syd.se", "sv");
        browser.enterRecoveryCode(plain(codes.get(0)));
        tokenFromCallback();

        driver.open(realm.getBaseUrl() + "/account/account-security/signing-in?kc_locale=sv");
        WebElement list = new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-testid='recovery-authn-codes/credential-list']")));
        try {
            new WebDriverWait(driver.driver(), Duration.ofSeconds(10))
                    .until(d -> list.getText().contains("Använda återställningskoder: 1/12"));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("account-recovery-codes-sv-failed");
            throw new AssertionError("the console shows: " + list.getText(), e);
        }
        browser.screenshot("account-recovery-codes-sv");

        // "Skapa nya koder" in the console starts Keycloak's CONFIGURE_RECOVERY_AUTHN_CODES: the same action here.
        oauth.loginForm()
                .kcAction("CONFIGURE_RECOVERY_AUTHN_CODES")
                .uiLocales("sv")
                .open();
        assertThat(browser.pageId()).isEqualTo(Browser.RECOVERY_CODES_PAGE);
        List<String> fresh = browser.saveRecoveryCodesIfAsked();
        assertThat(fresh).hasSize(12).doesNotContainAnyElementsOf(codes);
        tokenFromCallback();
        assertThat(credentials("nya@syd.se", "recovery-authn-codes")).hasSize(1);

        toRecoveryCodePage("nya@syd.se", "sv");
        assertThat(browser.pageText()).as("a new set starts at 1").contains("Återställningskod nummer 1");
        browser.enterRecoveryCode(plain(codes.get(1)));
        assertThat(browser.pageText()).as("the old set is gone").contains("Återställningskoden stämmer inte");
        pause(Duration.ofMillis(1100));
        browser.enterRecoveryCode(plain(fresh.get(0)));
        assertThat(tokenFromCallback().getPreferredUsername()).isEqualTo("nya@syd.se");
    }
}
