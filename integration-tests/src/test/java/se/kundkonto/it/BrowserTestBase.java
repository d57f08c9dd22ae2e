package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.AccessToken;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * A test that uses the pages as a person does: the shared headless browser, logged out before each
 * test, and the framework's OAuth test client in the test's realm (whose field the subclass declares).
 */
@ExtendWith(FailureEvidence.class)
abstract class BrowserTestBase implements FailureEvidence.Source {

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    /** Registration asks people to confirm their e-mail address (the realm's verifyEmail): the link arrives here. */
    @InjectMailServer
    MailServer mailbox;

    Browser browser;

    abstract ManagedRealm realm();

    @Override
    public byte[] screenshot() {
        return ((TakesScreenshot) driver.driver()).getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public String currentUrl() {
        return driver.driver().getCurrentUrl();
    }

    @Override
    public String pageSource() {
        return driver.driver().getPageSource();
    }

    @BeforeEach
    void loggedOut() {
        browser = new Browser(driver);
        browser.forgetSession(realm().getBaseUrl());
    }

    /** Back at the portal after a login: the code from the callback, exchanged for the access token. */
    AccessToken tokenFromCallback() {
        String code = oauth.parseLoginResponse().getCode();
        assertThat(code).as("back at the portal with a code").isNotBlank();
        return oauth.verifyToken(oauth.doAccessTokenRequest(code).getAccessToken());
    }

    /**
     * After an invitation the person lands on the page the invitation names, signed in to Keycloak but not
     * yet to the client (no code: the link was not the client's own request); the client then starts its
     * own login, which the session completes without a page.
     */
    AccessToken tokenAfterInvitation() {
        assertThat(driver.driver().getCurrentUrl())
                .startsWith(oauth.getRedirectUri())
                .doesNotContain("code=")
                .doesNotContain("error=");
        oauth.loginForm().open();
        return tokenFromCallback();
    }

    /** A new person registers with the customer's number and digits (in Swedish) and skips the TOTP offer. */
    void registerNewUser(String customerNumber, String digits, String email, String password) {
        registerUntilTotpOffer(customerNumber, digits, email, password);
        browser.skipTotp();
    }

    /** A new person registers (in Swedish), confirms the e-mail address and stops at the TOTP offer that follows. */
    void registerUntilTotpOffer(String customerNumber, String digits, String email, String password) {
        registerUntilTotpOffer("sv", customerNumber, digits, email, password);
    }

    /** The same in the given language (the second-factor offer: app, passkey or skip). */
    void registerUntilTotpOffer(String locale, String customerNumber, String digits, String email, String password) {
        browser.forgetSession(realm().getBaseUrl());
        browser.openLogin(oauth, locale);
        browser.clickRegister();
        browser.verifyCustomer(customerNumber, digits);
        browser.register("Test", "Person", "070-000 00 00", email, password);
        browser.confirmEmail(mailbox, email);
    }
}
