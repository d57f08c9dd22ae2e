package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue: optional TOTP with skip, login with code, forgot password, "Återställ tvåfaktorsautentisering". */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class TwoFactorIT extends BrowserTestBase {

    private static final String RESET_SUBJECT = "Återställ tvåfaktorsautentisering";
    /** Where the test client's login ends (the framework's OAuth callback). */
    private static final String CALLBACK = "http://127.0.0.1:8500";

    private static final String NOTICE_SUBJECT = "Tvåfaktorsautentiseringen har återställts";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-2fa");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    private void registerUntilTotpOffer(String email, String locale) {
        browser.openLogin(oauth, locale);
        browser.clickRegister();
        browser.verifyCustomer("04050607", "7652");
        browser.register("Test", "Person", "070-123 45 67", email, "Ratt2026!pass");
        browser.confirmEmail(mail, email);
        assertThat(browser.pageId()).isEqualTo(Browser.TOTP_PAGE);
    }

    /** A registered user with TOTP set up; returns their authenticator app. */
    private Totp.App registerWithTotp(String email) {
        registerUntilTotpOffer(email, "sv");
        Totp.App app = new Totp.App(browser.setUpTotp());
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
        browser.forgetSession(realm.getBaseUrl());
        return app;
    }

    /** Signs in with the password, presses "Återställ tvåfaktorsautentisering" and returns the e-mailed link. */
    private String resetLinkFor(String email) {
        browser.openLogin(oauth, "sv");
        browser.login(email, "Ratt2026!pass");
        browser.requestOtpReset();
        return Mails.link(Mails.latest(mail, email, RESET_SUBJECT));
    }

    private UserRepresentation user(String email) {
        return realm.admin().users().searchByEmail(email, true).get(0);
    }

    private List<CredentialRepresentation> otps(String email) {
        return realm.admin().users().get(user(email).getId()).credentials().stream()
                .filter(c -> "otp".equals(c.getType()))
                .toList();
    }

    @Test
    void skippingTwoFactorFinishesRegistrationAndIsNotAskedAgain() {
        registerUntilTotpOffer("skip@syd.se", "sv");
        assertThat(browser.pageText())
                .contains("Verifieringskod", "Verifiera kod", "Hoppa över tvåfaktorsautentisering")
                .doesNotContain("Du behöver konfigurera");
        browser.screenshot("totp-offer-sv");
        browser.skipTotp();
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
        assertThat(user("skip@syd.se").getRequiredActions()).isEmpty();
        assertThat(otps("skip@syd.se")).isEmpty();

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.login("skip@syd.se", "Ratt2026!pass");
        assertThat(oauth.parseLoginResponse().getCode())
                .as("straight in, no code, no offer")
                .isNotBlank();
    }

    @Test
    void theOfferSpeaksEnglishWhenTheUserChoosesIt() {
        registerUntilTotpOffer("english@syd.se", "en");
        assertThat(browser.pageText()).contains("Verification code", "Verify code", "Skip two-factor authentication");
        browser.screenshot("totp-offer-en");
        browser.skipTotp();
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
    }

    @Test
    void aUserWithTotpMustGiveTheCodeAtLogin() {
        Totp.App app = registerWithTotp("totp@syd.se");
        assertThat(otps("totp@syd.se")).hasSize(1);

        browser.openLogin(oauth, "sv");
        browser.login("totp@syd.se", "Ratt2026!pass");
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
        assertThat(browser.pageText()).contains("Återställ tvåfaktorsautentisering");
        browser.screenshot("otp-sv");
        browser.enterOtp("000000");
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
        browser.enterOtp(app.nextCode());
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
    }

    @Test
    void forgotPasswordSetsANewPasswordAndKeepsTheTotp() {
        Totp.App app = registerWithTotp("forgot@syd.se");
        String otpBefore = otps("forgot@syd.se").get(0).getId();

        browser.openLogin(oauth, "sv");
        driver.findElement(By.linkText("Glömt lösen?")).click();
        browser.screenshot("reset-password-sv");
        browser.resetPassword("forgot@syd.se");
        MimeMessage message = Mails.latest(mail, "forgot@syd.se", "Återställ lösenord");
        assertThat(Mails.html(message)).isNotBlank();
        driver.open(Mails.link(message));
        assertThat(browser.pageId())
                .as("the e-mail alone is not enough: the code first")
                .isEqualTo(Browser.OTP_PAGE);
        assertThat(driver.driver().findElements(By.id("kundkonto-reset-otp")))
                .as("no 2FA reset inside a password reset")
                .isEmpty();
        browser.enterOtp(app.nextCode());
        assertThat(browser.pageId()).isEqualTo("login-login-update-password");
        browser.screenshot("update-password-sv");
        browser.newPassword("Nytt2026!pass");
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
        assertThat(otps("forgot@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(otpBefore);

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.login("forgot@syd.se", "Ratt2026!pass");
        assertThat(browser.pageId()).as("old password no longer works").isEqualTo(Browser.LOGIN_PAGE);
        browser.login("forgot@syd.se", "Nytt2026!pass");
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
    }

    @Test
    void aLostPhoneIsReplacedThroughTheEmailedLinkWhichWorksOnce() {
        Totp.App oldApp = registerWithTotp("lost@syd.se");
        String oldOtp = otps("lost@syd.se").get(0).getId();

        browser.openLogin(oauth, "sv");
        browser.login("lost@syd.se", "Ratt2026!pass");
        browser.requestOtpReset();
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
        assertThat(browser.pageText()).contains("Vi har skickat ett e-postmeddelande");
        browser.screenshot("otp-reset-sent-sv");
        MimeMessage message = Mails.latest(mail, "lost@syd.se", RESET_SUBJECT);
        assertThat(Mails.text(message)).contains("fungerar en gång och i 15 minuter", "logga in med ditt lösenord");
        assertThat(Mails.html(message)).contains("<a href=");
        String link = Mails.link(message);

        driver.open(link);
        assertThat(browser.pageId())
                .as("opening the link asks for the password again")
                .isEqualTo(Browser.LOGIN_PAGE);
        assertThat(browser.pageText()).contains("Återställ tvåfaktorsautentisering för lost@syd.se?");
        assertThat(browser.fieldValue("username")).isEqualTo("lost@syd.se");
        browser.screenshot("otp-reset-confirm-sv");
        assertThat(otps("lost@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(oldOtp);

        browser.loginPasswordOnly("Ratt2026!pass");
        assertThat(browser.pageId()).as("new QR code").isEqualTo(Browser.TOTP_PAGE);
        assertThat(browser.pageText()).contains("Den gamla appen fungerar tills den nya koden är verifierad");
        assertThat(driver.driver().findElements(By.id("kundkonto-skip-totp")))
                .as("no skipping a reset")
                .isEmpty();
        assertThat(otps("lost@syd.se"))
                .as("the old authenticator stays until the new one works")
                .extracting(CredentialRepresentation::getId)
                .containsExactly(oldOtp);
        browser.screenshot("totp-after-reset-sv");
        Totp.App newApp = new Totp.App(browser.setUpTotp());
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
        assertThat(otps("lost@syd.se"))
                .as("replaced: one authenticator, the new one")
                .hasSize(1)
                .extracting(CredentialRepresentation::getId)
                .doesNotContain(oldOtp);
        assertThat(Mails.count(mail, "lost@syd.se", NOTICE_SUBJECT)).isEqualTo(1);

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.login("lost@syd.se", "Ratt2026!pass");
        browser.enterOtp(oldApp.nextCode());
        assertThat(browser.pageId()).as("old app's codes fail").isEqualTo(Browser.OTP_PAGE);
        browser.enterOtp(newApp.nextCode());
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();

        String otpNow = otps("lost@syd.se").get(0).getId();
        browser.forgetSession(realm.getBaseUrl());
        driver.open(link);
        assertThat(browser.pageId()).as("the link works once").isNotIn(Browser.TOTP_PAGE, Browser.LOGIN_PAGE);
        browser.screenshot("otp-reset-link-used-sv");
        assertThat(otps("lost@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(otpNow);
    }

    /** What Outlook Safe Links, Proofpoint and link previews do: fetch the link, with no cookies, maybe twice. */
    @Test
    void aMailScannerFetchingTheLinkChangesNothing() throws Exception {
        Totp.App app = registerWithTotp("scanned@syd.se");
        String otpBefore = otps("scanned@syd.se").get(0).getId();
        String link = resetLinkFor("scanned@syd.se");

        HttpClient scanner = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = scanner.send(
                    HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isLessThan(500);
            assertThat(answer.body())
                    .as("no QR code for whoever holds the link")
                    .doesNotContain("totpSecret");
        }
        PlainHttp keepingCookies = new PlainHttp();
        for (int i = 0; i < 2; i++) {
            assertThat(keepingCookies
                            .follow(keepingCookies.get(link), "http://127.0.0.1:8500")
                            .pageId())
                    .as("with cookies, too, only a login page")
                    .isEqualTo(Browser.LOGIN_PAGE);
        }
        assertThat(otps("scanned@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(otpBefore);

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.login("scanned@syd.se", "Ratt2026!pass");
        assertThat(browser.pageId())
                .as("a password alone still meets the code page")
                .isEqualTo(Browser.OTP_PAGE);
        browser.enterOtp(app.nextCode());
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
    }

    /**
     * The account console is a public client that requires PKCE. A reset asked for from its login finishes
     * back in the console when the link is opened in the same browser, and on a page of its own in another
     * browser (whose session never saw the console's PKCE challenge) — never on an error.
     */
    @Test
    void aResetAskedForFromTheAccountConsoleFinishesInTheSameOrAnotherBrowser() {
        registerWithTotp("console@syd.se");
        String first = otps("console@syd.se").get(0).getId();

        driver.open(realm.getBaseUrl() + "/account/?kc_locale=sv");
        browser.login("console@syd.se", "Ratt2026!pass");
        browser.requestOtpReset();
        driver.open(Mails.link(Mails.latest(mail, "console@syd.se", RESET_SUBJECT)));
        browser.loginPasswordOnly("Ratt2026!pass");
        assertThat(browser.pageId()).isEqualTo(Browser.TOTP_PAGE);
        assertThat(browser.pageText())
                .as("Keycloak's 'activate your account' warning is wrong here")
                .doesNotContain("Du behöver konfigurera");
        browser.setUpTotp();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/account"));
        assertThat(driver.driver().getCurrentUrl()).as("back in the console").doesNotContain("error=");
        List<String> afterFirst = otps("console@syd.se").stream()
                .map(CredentialRepresentation::getId)
                .toList();
        assertThat(afterFirst).hasSize(1).doesNotContain(first);

        browser.forgetSession(realm.getBaseUrl());
        driver.open(realm.getBaseUrl() + "/account/?kc_locale=sv");
        browser.login("console@syd.se", "Ratt2026!pass");
        browser.requestOtpReset();
        String link = Mails.link(Mails.latest(mail, "console@syd.se", RESET_SUBJECT));
        browser.forgetSession(realm.getBaseUrl());
        driver.open(link);
        browser.loginPasswordOnly("Ratt2026!pass");
        browser.setUpTotp();
        assertThat(driver.driver().getCurrentUrl()).doesNotContain("error=");
        assertThat(browser.pageText()).doesNotContainIgnoringCase("error");
        browser.screenshot("otp-reset-done-other-browser-sv");
        assertThat(otps("console@syd.se"))
                .hasSize(1)
                .extracting(CredentialRepresentation::getId)
                .doesNotContainAnyElementsOf(afterFirst);
    }

    /**
     * Two browsers where the user is already signed in open the same link at the same instant (threads and a
     * barrier, three rounds): the link is spent once, so exactly one of them is shown a new QR code. (Racing
     * the password itself is stopped earlier by Keycloak's brute-force protection, which refuses a second
     * password check of one user in flight.)
     */
    @Test
    void twoSessionsClaimingOneLinkAtOnceGetOneReset() throws Exception {
        Totp.App app = registerWithTotp("race@syd.se");
        List<PlainHttp> sessions = List.of(new PlainHttp(), new PlainHttp());
        for (PlainHttp session : sessions) {
            PlainHttp.Page login =
                    session.follow(session.get(oauth.loginForm().uiLocales("sv").build()), CALLBACK);
            PlainHttp.Page otp = session.follow(
                    login.form("#kc-form-login")
                            .with("username", "race@syd.se")
                            .with("password", "Ratt2026!pass")
                            .submit(session),
                    CALLBACK);
            PlainHttp.Page in = session.follow(
                    otp.form("#kc-otp-login-form").with("otp", app.nextCode()).submit(session), CALLBACK);
            assertThat(in.location()).as("signed in").startsWith(CALLBACK);
        }
        for (int round = 0; round < 3; round++) {
            browser.forgetSession(realm.getBaseUrl());
            String link = resetLinkFor("race@syd.se");
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<PlainHttp.Page>> pages = new ArrayList<>();
                for (PlainHttp session : sessions) {
                    pages.add(pool.submit(() -> {
                        barrier.await();
                        return session.follow(session.get(link), CALLBACK);
                    }));
                }
                int qrCodes = 0;
                for (Future<PlainHttp.Page> page : pages) {
                    if (Browser.TOTP_PAGE.equals(page.get(60, TimeUnit.SECONDS).pageId())) {
                        qrCodes++;
                    }
                }
                assertThat(qrCodes).as("round %d: new QR codes shown", round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void leavingTheNewQrCodeUnscannedKeepsTheOldAuthenticator() {
        Totp.App app = registerWithTotp("halfway@syd.se");
        String otpBefore = otps("halfway@syd.se").get(0).getId();
        String link = resetLinkFor("halfway@syd.se");

        browser.forgetSession(realm.getBaseUrl());
        driver.open(link);
        browser.loginPasswordOnly("Ratt2026!pass");
        assertThat(browser.pageId()).isEqualTo(Browser.TOTP_PAGE);
        browser.forgetSession(realm.getBaseUrl());

        assertThat(otps("halfway@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(otpBefore);
        browser.openLogin(oauth, "sv");
        browser.login("halfway@syd.se", "Ratt2026!pass");
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
        browser.enterOtp(app.nextCode());
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
    }

    @Test
    void resetEmailsAreLimitedPerUserAndHour() {
        registerWithTotp("flood@syd.se");
        browser.openLogin(oauth, "sv");
        browser.login("flood@syd.se", "Ratt2026!pass");
        for (int i = 0; i < 3; i++) {
            browser.requestOtpReset();
            assertThat(browser.pageText()).contains("Vi har skickat ett e-postmeddelande");
        }
        Mails.latest(mail, "flood@syd.se", RESET_SUBJECT);
        browser.requestOtpReset();
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
        assertThat(browser.pageText()).contains("Vi har redan skickat flera länkar den senaste timmen");
        browser.screenshot("otp-reset-too-many-sv");
        assertThat(Mails.count(mail, "flood@syd.se", RESET_SUBJECT)).isEqualTo(3);
    }

    @Test
    void anExpiredLinkChangesNothing() {
        registerWithTotp("late@syd.se");
        String otpBefore = otps("late@syd.se").get(0).getId();
        String link = resetLinkFor("late@syd.se");

        try (ServerClock later = ServerClock.shiftedBy(16 * 60)) {
            driver.open(link);
            assertThat(browser.pageId()).isNotEqualTo(Browser.TOTP_PAGE);
            browser.screenshot("otp-reset-link-expired-sv");
        }
        assertThat(otps("late@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(otpBefore);
    }

    @Test
    void oneUsersLinkNeverTouchesAnotherUser() {
        registerWithTotp("anna@syd.se");
        String annasOtp = otps("anna@syd.se").get(0).getId();
        Totp.App bosApp = registerWithTotp("bo@syd.se");
        String bosOtp = otps("bo@syd.se").get(0).getId();

        String annasLink = resetLinkFor("anna@syd.se");
        assertThat(Mails.count(mail, "bo@syd.se", RESET_SUBJECT)).isZero();

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.login("bo@syd.se", "Ratt2026!pass");
        browser.enterOtp(bosApp.nextCode());
        assertThat(oauth.parseLoginResponse().getCode())
                .as("Bo is logged in in this browser")
                .isNotBlank();
        driver.open(annasLink);
        assertThat(otps("bo@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(bosOtp);
        assertThat(otps("anna@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(annasOtp);
        assertThat(Mails.count(mail, "bo@syd.se", NOTICE_SUBJECT)).isZero();

        // Someone holding Anna's link who signs in as Bo gets nothing of Anna's, and still meets Bo's code page.
        browser.forgetSession(realm.getBaseUrl());
        driver.open(annasLink);
        browser.login("bo@syd.se", "Ratt2026!pass");
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
        assertThat(otps("anna@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(annasOtp);
        assertThat(otps("bo@syd.se"))
                .extracting(CredentialRepresentation::getId)
                .containsExactly(bosOtp);
    }

    @Test
    void theTwoFactorPagesAndEmailsSpeakEnglishToAnEnglishUser() {
        Totp.App app = registerWithTotp("eng@syd.se");
        UserRepresentation user = user("eng@syd.se");
        user.singleAttribute("locale", "en");
        realm.admin().users().get(user.getId()).update(user);

        browser.openLogin(oauth, "en");
        browser.login("eng@syd.se", "Ratt2026!pass");
        assertThat(browser.pageText()).contains("Verification code", "Reset two-factor authentication");
        browser.screenshot("otp-en");
        browser.requestOtpReset();
        assertThat(browser.pageText()).contains("We have sent you an e-mail");
        browser.screenshot("otp-reset-sent-en");
        MimeMessage reset = Mails.latest(mail, "eng@syd.se", "Reset two-factor authentication");
        assertThat(Mails.text(reset)).contains("The link works once, for 15 minutes.");

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "en");
        driver.findElement(By.linkText("Forgot password?")).click();
        browser.screenshot("reset-password-en");
        browser.resetPassword("eng@syd.se");
        driver.open(Mails.link(Mails.latest(mail, "eng@syd.se", "Reset password")));
        browser.enterOtp(app.nextCode());
        assertThat(browser.pageId()).isEqualTo("login-login-update-password");
        browser.screenshot("update-password-en");
    }
}
