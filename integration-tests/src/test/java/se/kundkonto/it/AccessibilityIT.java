package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page the pack renders, in Swedish and in English, checked with axe-core against WCAG 2.1 A and
 * AA ({@link Accessibility}): the login pages of registration, two-factor, the picker, invitations,
 * "Lägg till kundkonto" and BankID, and the account console's three pages. One person walks through
 * them once; each login page is checked in Swedish, switched to English with the page's own language
 * menu, checked again and switched back.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class AccessibilityIT extends BrowserTestBase {

    private static final String A = "01020304";
    private static final String SYD = "04050607";
    private static final String BYGG = "05060708";
    private static final String PASSWORD = "Tillganglig2026!ok";
    private static final String EID_SECRET = "eid-broker-secret";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-a11y");
        }
    }

    /** The fake eID broker, as in {@link BankIdIT}. */
    public static class Eid implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("eid-a11y")
                    .users(UserBuilder.create("anna")
                            .name("Anna", "Andersson")
                            .password("bankid")
                            .enabled(true))
                    .clients(ClientBuilder.create("kundportal")
                            .secret(EID_SECRET)
                            .redirectUris("*"));
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @InjectRealm(ref = "eid", config = Eid.class)
    ManagedRealm eid;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    @Test
    void everyLoginPageAndTheAccountConsoleInSwedishAndEnglish() {
        // An Admin of BYGG, to invite the person below later.
        registerNewUser(BYGG, "2227", "chef@bygg.se", PASSWORD);
        String admin = new Api(realm.getBaseUrl()).token("test-app", "test-secret", "chef@bygg.se", PASSWORD);

        // Registration: verification, the form, the TOTP offer.
        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
        inBothLanguages(Browser.VERIFY_PAGE, "customer verification");
        browser.verifyCustomer(A, "4400");
        inBothLanguages(Browser.REGISTER_PAGE, "registration form");
        browser.register("Tilda", "Tillgänglig", "070-123 45 67", "tilda@foretaget.se", PASSWORD);
        browser.confirmEmail(mailbox, "tilda@foretaget.se");
        assertThat(driver.findElement(By.id("kundkonto-skip-totp")).getText())
                .isEqualTo("Hoppa över tvåfaktorsautentisering");
        inBothLanguages(Browser.TOTP_PAGE, "TOTP offer");
        Totp.App app = new Totp.App(browser.setUpTotp());
        tokenFromCallback();

        // "Lägg till kundkonto" (kc_action).
        oauth.loginForm().kcAction("kundkonto-add-customer").uiLocales("sv").open();
        assertThat(browser.title()).isEqualTo("Lägg till kundkonto");
        inBothLanguages(Browser.VERIFY_PAGE, "add customer");
        browser.verifyCustomer(SYD, "7652");
        tokenFromCallback();

        // The next login: the code (with the reset), then the picker.
        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.login("tilda@foretaget.se", PASSWORD);
        assertThat(driver.findElement(By.id("kundkonto-reset-otp")).getText())
                .isEqualTo("Återställ tvåfaktorsautentisering");
        inBothLanguages(Browser.OTP_PAGE, "OTP");
        browser.enterOtp(app.nextCode());
        inBothLanguages("login-kundkonto-select-customer", "customer picker");
        browser.selectCustomer(A);
        tokenFromCallback();

        // An invitation to BYGG, opened while logged in.
        Api.Reply invited = new Api(realm.getBaseUrl())
                .call(
                        "POST",
                        "/customers/" + BYGG + "/invitations",
                        admin,
                        Map.of("email", "tilda@foretaget.se", "role", "User", "redirectUri", oauth.getRedirectUri()));
        assertThat(invited.status()).isEqualTo(201);
        browser.open(Mails.link(Mails.latest(mailbox, "tilda@foretaget.se", "Inbjudan till Mina sidor")));
        if ("login-kundkonto-select-customer".equals(browser.pageId())) {
            browser.selectCustomer(A);
        }
        inBothLanguages("login-kundkonto-accept-invitation", "invitation acceptance");
        browser.press("kundkonto-invitation-accept");
        tokenAfterInvitation();

        // The account console's own pages; the console speaks the user's language.
        for (String locale : new String[] {"sv", "en"}) {
            setUserLocale("tilda@foretaget.se", locale);
            for (String[] page : new String[][] {
                {"kundkonton", "kundkonto-customers-page"},
                {"foretagsuppgifter", "kundkonto-company-page"},
                {"anvandare", "kundkonto-users-page"}
            }) {
                driver.open(realm.getBaseUrl() + "/account/" + page[0]);
                new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                        .ignoring(StaleElementReferenceException.class)
                        .until(d -> !d.findElements(By.cssSelector("[data-testid='" + page[1] + "']"))
                                        .isEmpty()
                                || "login-kundkonto-select-customer".equals(browser.pageId()));
                if ("login-kundkonto-select-customer".equals(browser.pageId())) {
                    browser.selectCustomer(A);
                }
                testId(page[1]);
                waitForConsoleToSettle();
                assertThat(testId("kundkonto-nav-customers").getText())
                        .isEqualTo("sv".equals(locale) ? "Mina kundkonton" : "My customer accounts");
                axe("account console " + page[0] + " (" + locale + ")");
            }
        }
        assertNoFindings();
    }

    @Test
    void theBankIdReviewPageInSwedishAndEnglish() {
        connectTheBroker();
        browser.forgetSession(eid.getBaseUrl());
        browser.openLogin(oauth, "sv");
        inBothLanguages(Browser.LOGIN_PAGE, "login with BankID");
        driver.findElement(By.id("social-bankid")).click();
        browser.login("anna", "bankid"); // the eID broker's page
        inBothLanguages("login-idp-review-user-profile", "BankID review profile");
        assertNoFindings();
    }

    /**
     * Checks the page in Swedish, switches it to English with the page's language menu (the same step
     * again), checks it, and switches back.
     */
    private void inBothLanguages(String pageId, String pageName) {
        assertThat(browser.pageId()).as(pageName).isEqualTo(pageId);
        assertThat(lang()).as(pageName).isEqualTo("sv");
        axe(pageName + " (sv)");
        switchLanguage("en");
        assertThat(browser.pageId()).as(pageName + " in English").isEqualTo(pageId);
        assertThat(lang()).isEqualTo("en");
        axe(pageName + " (en)");
        switchLanguage("sv");
        assertThat(browser.pageId()).as(pageName + " back in Swedish").isEqualTo(pageId);
    }

    /** Every page's violations, so one run lists them all; the test fails at its end if there are any. */
    private final List<String> findings = new ArrayList<>();

    private void axe(String pageName) {
        try {
            Accessibility.assertNoViolations(driver, pageName);
        } catch (AssertionError violations) {
            findings.add(violations.getMessage());
        }
    }

    private void assertNoFindings() {
        if (!findings.isEmpty()) {
            throw new AssertionError(String.join("\n\n", findings));
        }
    }

    private String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    private void switchLanguage(String locale) {
        String url = driver.driver().findElements(By.cssSelector("#login-select-toggle option")).stream()
                .map(o -> o.getAttribute("value"))
                .filter(v -> v.contains("kc_locale=" + locale))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + locale + " in the language menu"));
        WebElement old = driver.findElement(By.tagName("html"));
        driver.driver()
                .navigate()
                .to(java.net
                        .URI
                        .create(driver.driver().getCurrentUrl())
                        .resolve(url)
                        .toString());
        new WebDriverWait(driver.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(old));
    }

    private void setUserLocale(String email, String locale) {
        UserRepresentation user =
                realm.admin().users().searchByEmail(email, true).get(0);
        user.singleAttribute("locale", locale);
        realm.admin().users().get(user.getId()).update(user);
    }

    private WebElement testId(String id) {
        return new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + id + "']")));
    }

    /** The console's pages load their data after they appear: no spinner left, then check. */
    private void waitForConsoleToSettle() {
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".pf-v5-c-spinner")).isEmpty());
    }

    private void connectTheBroker() {
        UPConfig profile = eid.admin().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
        profile.getAttribute("email").setRequired(null);
        eid.admin().users().userProfile().update(profile);
        IdentityProviderRepresentation bankId =
                realm.admin().identityProviders().get("bankid").toRepresentation();
        String issuer = eid.getBaseUrl();
        bankId.setEnabled(true);
        bankId.getConfig()
                .putAll(Map.of(
                        "clientId",
                        "kundportal",
                        "clientSecret",
                        EID_SECRET,
                        "issuer",
                        issuer,
                        "authorizationUrl",
                        issuer + "/protocol/openid-connect/auth",
                        "tokenUrl",
                        issuer + "/protocol/openid-connect/token",
                        "jwksUrl",
                        issuer + "/protocol/openid-connect/certs",
                        "defaultScope",
                        "openid profile"));
        realm.admin().identityProviders().get("bankid").update(bankId);
    }
}
