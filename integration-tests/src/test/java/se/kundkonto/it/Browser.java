package se.kundkonto.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The kundkonto pages as a person uses them, in the real (headless Chromium) browser. */
public final class Browser {

    public static final String VERIFY_PAGE = "login-kundkonto-verify-customer";
    public static final String REGISTER_PAGE = "login-register";
    public static final String LOGIN_PAGE = "login-login";

    private final ManagedWebDriver driver;

    public Browser(ManagedWebDriver driver) {
        this.driver = driver;
    }

    /** Forget every cookie of the Keycloak host, so each test starts logged out. */
    public void forgetSession(String realmUrl) {
        driver.open(realmUrl + "/.well-known/openid-configuration");
        driver.driver().manage().deleteAllCookies();
    }

    /**
     * The portal's login page in the given language: the portal passes {@code ui_locales}, which
     * Keycloak prefers to the browser's Accept-Language (the test browser's is English).
     */
    public void openLogin(org.keycloak.testframework.oauth.OAuthClient oauth, String locale) {
        oauth.loginForm().uiLocales(locale).open();
    }

    public String pageId() {
        return driver.findElement(By.tagName("body")).getAttribute("data-page-id");
    }

    public String title() {
        return driver.findElement(By.id("kc-page-title")).getText().strip();
    }

    /**
     * The elements on the page as it is now, without the framework's implicit wait (5 s, spent on every
     * element that is absent). For server-rendered pages, which are complete once loaded, and for checks
     * that already run inside an explicit wait.
     */
    static List<WebElement> now(ManagedWebDriver driver, By by) {
        WebDriver.Timeouts timeouts = driver.driver().manage().timeouts();
        Duration implicit = timeouts.getImplicitWaitTimeout();
        timeouts.implicitlyWait(Duration.ZERO);
        try {
            return driver.driver().findElements(by);
        } finally {
            timeouts.implicitlyWait(implicit);
        }
    }

    public Optional<String> feedback() {
        return now(driver, By.className("kc-feedback-text")).stream()
                .findFirst()
                .map(WebElement::getText)
                .map(String::strip);
    }

    public Optional<String> fieldError(String field) {
        return now(driver, By.id("input-error-" + field)).stream()
                .findFirst()
                .map(WebElement::getText)
                .map(String::strip);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void clickRegister() {
        submitWith(By.cssSelector("#kc-registration a"));
    }

    public void verifyCustomer(String customerNumber, String digits) {
        type("customerNumber", customerNumber);
        type("orgDigits", digits);
        submitWith(By.id("kundkonto-verify-submit"));
    }

    public String typedCustomerNumber() {
        return driver.findElement(By.id("customerNumber")).getAttribute("value");
    }

    /**
     * Fills in the registration form. With the realm's e-mail verification on, Keycloak asks for the
     * password only once the address is confirmed (no password for an address nobody has proven): the
     * password is then kept here and given on that page ({@link #choosePasswordIfAsked()}).
     */
    public void register(String firstName, String lastName, String phone, String email, String password) {
        type("firstName", firstName);
        type("lastName", lastName);
        type("phoneNumber", phone);
        type("email", email);
        if (now(driver, By.id("password")).isEmpty()) {
            passwordAfterVerification = password;
        } else {
            type("password", password);
            type("password-confirm", password);
        }
        submitWith(By.id("kundkonto-register-submit"));
    }

    private String passwordAfterVerification;

    public static final String UPDATE_PASSWORD_PAGE = "login-login-update-password";

    /** After the e-mail link (or an invitation's registration): the password the registration form did not ask for. */
    public void choosePasswordIfAsked() {
        if (UPDATE_PASSWORD_PAGE.equals(pageId()) && passwordAfterVerification != null) {
            newPassword(passwordAfterVerification);
            passwordAfterVerification = null;
        }
    }

    public static final String VERIFY_EMAIL_PAGE = "login-login-verify-email";

    /**
     * On Keycloak's "Bekräfta din e-postadress" page: opens the link e-mailed to that address in this
     * same browser, as the person does, which confirms the address and goes on to the next step
     * (choosing the password, then the TOTP offer).
     */
    public void confirmEmail(org.keycloak.testframework.mail.MailServer mail, String email) {
        String page = pageId();
        if (!VERIFY_EMAIL_PAGE.equals(page)) {
            throw new AssertionError("expected the e-mail verification page, got " + page);
        }
        open(Mails.verificationLink(mail, email));
        choosePasswordIfAsked();
    }

    public static final String TOTP_PAGE = "login-login-config-totp";
    public static final String OTP_PAGE = "login-login-otp";

    /** "Hoppa över tvåfaktorsautentisering" on the offer that follows registration. */
    public void skipTotp() {
        submitWith(By.id("kundkonto-skip-totp"));
    }

    /**
     * Sets up TOTP from the secret on the page, as an authenticator app would; returns the secret. The
     * recovery codes Keycloak offers next (a first second factor) are saved ({@link #recoveryCodes()}).
     */
    public String setUpTotp() {
        String secret = driver.findElement(By.id("totpSecret")).getAttribute("value");
        type("totp", Totp.code(secret));
        submitWith(By.id("saveTOTPBtn"));
        saveRecoveryCodesIfAsked();
        return secret;
    }

    public static final String RECOVERY_CODES_PAGE = "login-login-recovery-authn-code-config";
    public static final String RECOVERY_CODE_PAGE = "login-login-recovery-authn-code-input";
    public static final String PASSKEY_REGISTER_PAGE = "login-webauthn-register";
    public static final String PASSKEY_PAGE = "login-webauthn-authenticate";

    private List<String> recoveryCodes = List.of();

    /** The recovery codes of the last set Keycloak showed, as shown (XXXX-XXXX-XXXX). */
    public List<String> recoveryCodes() {
        return recoveryCodes;
    }

    /** On Keycloak's recovery-code page: keeps the codes, ticks "saved" and finishes. Elsewhere nothing. */
    public List<String> saveRecoveryCodesIfAsked() {
        if (!RECOVERY_CODES_PAGE.equals(pageId())) {
            return List.of();
        }
        recoveryCodes = driver.driver().findElements(By.cssSelector("#kc-recovery-codes-list li")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
        driver.findElement(By.id("kcRecoveryCodesConfirmationCheck")).click();
        submitWith(By.id("saveRecoveryAuthnCodesBtn"));
        return recoveryCodes;
    }

    /** "Skapa en nyckel (passkey)" on the second-factor offer. */
    public void choosePasskey() {
        submitWith(By.id("kundkonto-choose-passkey"));
    }

    /**
     * Keycloak's passkey registration page: the browser's authenticator (a virtual one in the tests) makes
     * the key, Keycloak's script asks for a name (a prompt), and the page goes on.
     */
    public void createPasskey(String label) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("registerWebAuthn")).click();
        org.openqa.selenium.Alert prompt =
                new WebDriverWait(driver.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys(label);
        prompt.accept();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(oldPage));
    }

    /**
     * "Logga in med nyckel (passkey)": on the login page (no e-mail, no password) or as the second factor.
     * Returns whether a new page came (a failed key keeps the page and shows the error).
     */
    public boolean signInWithPasskey() {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("authenticateWebAuthnButton")).click();
        try {
            new WebDriverWait(driver.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(oldPage));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** "Använd en återställningskod" on the code page. */
    public void useRecoveryCodeInstead() {
        submitWith(By.id("kundkonto-use-recovery-code"));
    }

    public void enterRecoveryCode(String code) {
        WebElement input = driver.findElement(By.id("recoveryCodeInput"));
        input.clear();
        if (!code.isEmpty()) {
            // Long or odd input goes in through the DOM: sendKeys would type 10 KB key by key.
            ((org.openqa.selenium.JavascriptExecutor) driver.driver())
                    .executeScript("arguments[0].value = arguments[1];", input, code);
        }
        submitWith(By.id("kc-login"));
    }

    public void enterOtp(String code) {
        type("otp", code);
        submitWith(By.id("kc-login"));
    }

    public void requestOtpReset() {
        submitWith(By.id("kundkonto-reset-otp"));
    }

    /** "Glömt lösen?": the e-mail address on the reset page. */
    public void resetPassword(String email) {
        type("username", email);
        submitWith(By.cssSelector("#kc-reset-password-form button[type=submit]"));
    }

    public void newPassword(String password) {
        type("password-new", password);
        type("password-confirm", password);
        submitWith(By.id("kc-submit"));
    }

    /** The login page when Keycloak already knows who it is (re-authentication): only the password. */
    public void loginPasswordOnly(String password) {
        type("password", password);
        submitWith(By.id("kc-login"));
    }

    /** "Byt kund": pick a customer account on the picker. */
    public void selectCustomer(String customerNumber) {
        driver.findElement(By.id("customer-" + customerNumber)).click();
        submitWith(By.id("kundkonto-select-submit"));
    }

    public void login(String username, String password) {
        type("username", username);
        type("password", password);
        submitWith(By.id("kc-login"));
    }

    /** Opens a link as if clicked in an e-mail. */
    public void open(String url) {
        driver.driver().navigate().to(url);
    }

    /** Presses the button with that id and waits for the next page. */
    public void press(String buttonId) {
        submitWith(By.id(buttonId));
    }

    /**
     * Submits a form of Keycloak's own pages by its first submit button (their buttons carry no id), e.g.
     * {@code kc-update-profile-form}, {@code kc-idp-review-profile-form}.
     */
    public void submit(String formId) {
        submitWith(By.cssSelector("#" + formId + " [type=submit]"));
    }

    public String fieldValue(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    /** Clicks and waits for the next page, so nothing is read from the page being left. */
    private void submitWith(By button) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(oldPage));
    }

    private void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Saves what the person sees, for a human to look at after the run (target/screenshots). */
    public void screenshot(String name) {
        Path dir = Path.of(System.getProperty("kundkonto.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver.driver()).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        }
    }
}
