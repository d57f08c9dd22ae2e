package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import se.kundkonto.it.ClientLogin.Token;

/**
 * Issue 11, point 3: an invitation works whichever client sent it — the account console ("Administrera
 * användare", a public client that requires PKCE), the public PKCE app {@code kund-app}, the confidential
 * portal {@code mina-sidor} — for a new person (registration) and for an existing user (login, then "Gå
 * med"). Nobody but the client can make its PKCE challenge, so the e-mailed link must not pose as the
 * client's authorization request: it opens the flow itself, and the client's own login afterwards is
 * completed by the fresh session. Opening the link (a mail scanner, a prefetch) changes nothing; broken
 * links are explained, never a server error.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class InvitationClientsIT extends BrowserTestBase {

    private static final String A = "01020304";
    private static final String NORR = "02030405";
    private static final String PASSWORD = "Klient2026!bjud";
    private static final String SUBJECT_SV = "Inbjudan till Mina sidor";
    private static final String ACCEPT_PAGE = "login-kundkonto-accept-invitation";
    private static final String APP = "kund-app";
    private static final String APP_CALLBACK = "se.kundportal.app:/oauth2redirect";
    private static final String PORTAL = "mina-sidor";
    private static final String PORTAL_SECRET = "mina-sidor-demo-secret";
    private static final String PORTAL_URL = "http://localhost:3000/";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-clients");
        }
    }

    /** Another realm with the pack: its keys did not sign this realm's links. */
    public static class OtherScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-clients-other");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @InjectRealm(ref = "other", fromJson = "/kundportal-realm.json", config = OtherScope.class)
    ManagedRealm otherRealm;

    @InjectMailServer
    MailServer mail;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    private Api api() {
        return new Api(realm.getBaseUrl());
    }

    private CustomerAccountsAdmin accounts() {
        return new CustomerAccountsAdmin(realm.admin());
    }

    private String testAppToken(String email) {
        return api().token("test-app", "test-secret", email, PASSWORD);
    }

    /** A new person registers with the digits in the browser, as the first Admins did. */
    private void registered(String customer, String digits, String email) {
        registerNewUser(customer, digits, email, PASSWORD);
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
    }

    private String invitationLink(String email) {
        return Mails.link(Mails.latest(mail, email, SUBJECT_SV));
    }

    private String userId(String email) {
        return accounts().userByEmail(email).orElseThrow().getId();
    }

    private boolean isMemberAs(String customer, String email, String role) {
        var org = accounts().byCustomerNumber(customer).orElseThrow();
        return accounts()
                .userByEmail(email)
                .map(u -> accounts().roleMemberIds(org, role).contains(u.getId()))
                .orElse(false);
    }

    private List<Object> pendingInvitations(String adminToken, String customer) {
        return api().call("GET", "/customers/" + customer + "/invitations", adminToken, null).list().stream()
                .map(i -> i.get("email"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> customerRoles(AccessToken token) {
        return ((List<Map<String, Object>>) token.getOtherClaims().get("customers"))
                .stream().map(c -> c.get("number") + "/" + c.get("role")).toList();
    }

    // ---------------------------------------------------------------- (1) the account console, in Chromium

    private WebElement testId(String id) {
        return new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + id + "']")));
    }

    private boolean present(String id) {
        return !Browser.now(driver, By.cssSelector("[data-testid='" + id + "']"))
                .isEmpty();
    }

    private void awaitConsoleOrLogin() {
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> present("kundkonto-nav-customers")
                        || !Browser.now(driver, By.id("kc-login")).isEmpty()
                        || !Browser.now(driver, By.cssSelector("body[data-page-id]"))
                                .isEmpty());
    }

    @Test
    void aNewPersonInvitedFromTheAccountConsoleRegistersAndLandsInTheConsoleSignedIn() {
        registered(A, "4400", "konsol.chef@foretaget.se");

        browser.forgetSession(realm.getBaseUrl());
        driver.open(realm.getBaseUrl() + "/account/anvandare?kc_locale=sv");
        awaitConsoleOrLogin();
        browser.login("konsol.chef@foretaget.se", PASSWORD);
        testId("kundkonto-users-page");
        testId("kundkonto-invite-email").sendKeys("ny.konsol@foretaget.se");
        new Select(testId("kundkonto-invite-role")).selectByValue("User");
        testId("kundkonto-invite-submit").click();
        testId("kundkonto-invite-saved");
        String link = invitationLink("ny.konsol@foretaget.se");

        // The person opens the e-mail in another browser.
        browser.forgetSession(realm.getBaseUrl());
        browser.open(link);
        assertThat(driver.driver().getCurrentUrl())
                .as("not the console's error callback")
                .doesNotContain("error=");
        assertThat(browser.pageId()).isEqualTo(Browser.REGISTER_PAGE);
        assertThat(browser.pageText()).contains("Företaget AB");
        assertThat(browser.fieldValue("email")).isEqualTo("ny.konsol@foretaget.se");
        browser.register("Nora", "Konsol", "070-222 33 44", "ny.konsol@foretaget.se", PASSWORD);
        assertThat(browser.pageId()).isEqualTo(Browser.UPDATE_PASSWORD_PAGE);
        browser.choosePasswordIfAsked();
        browser.skipTotp();

        // Back in the console, which starts its own (PKCE) login: the fresh session completes it at once.
        try {
            new WebDriverWait(driver.driver(), Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> present("kundkonto-nav-customers"));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("invitation-console-not-landed");
            throw new AssertionError(
                    "not in the console: " + driver.driver().getCurrentUrl() + "\n" + browser.pageText(), e);
        }
        assertThat(driver.driver().getCurrentUrl())
                .contains("/realms/kundportal-clients/account")
                .doesNotContain("error=");
        assertThat(driver.driver().findElements(By.id("kc-login")))
                .as("no second login")
                .isEmpty();
        browser.screenshot("invitation-console-landed-sv");
        assertThat(isMemberAs(A, "ny.konsol@foretaget.se", "User")).isTrue();
        assertThat(pendingInvitations(testAppToken("konsol.chef@foretaget.se"), A))
                .doesNotContain("ny.konsol@foretaget.se");
    }

    // ---------------------------------------------------------------- (2) the public PKCE app

    private static String enc(String s) {
        return ClientLogin.enc(s);
    }

    private static String queryParam(String url, String name) {
        return ClientLogin.queryParam(url, name);
    }

    /** The client's own login in this cookie jar (see {@link ClientLogin}). */
    private Token clientLogin(PlainHttp http, String clientId, String secret, String redirectUri, String email) {
        return new ClientLogin(realm.getBaseUrl()).login(http, clientId, secret, redirectUri, email, PASSWORD);
    }

    /** A new person through the link, without a browser: registration form, password, TOTP offer skipped. */
    private PlainHttp.Page registerThroughLink(PlainHttp http, String link, String email, String leaving) {
        PlainHttp.Page page = http.follow(http.get(link), leaving);
        assertThat(page.location()).as("not sent off with an error").isNull();
        assertThat(page.pageId()).as("the registration form, no digits asked").isEqualTo(Browser.REGISTER_PAGE);
        assertThat(page.doc().selectFirst("#email").val()).isEqualTo(email);
        page = http.follow(
                page.form("#kc-register-form")
                        .with("firstName", "Ny")
                        .with("lastName", "Person")
                        .with("phoneNumber", "070-333 44 55")
                        .with("email", email)
                        .submit(http),
                leaving);
        assertThat(page.pageId()).isEqualTo(Browser.UPDATE_PASSWORD_PAGE);
        page = http.follow(
                page.form("#kc-passwd-update-form")
                        .with("password-new", PASSWORD)
                        .with("password-confirm", PASSWORD)
                        .submit(http),
                leaving);
        assertThat(page.pageId()).isEqualTo(Browser.TOTP_PAGE);
        return http.follow(
                page.form("#kc-totp-settings-form").with("kundkontoSkip", "").submit(http), leaving);
    }

    /** An existing user through the link: logs in, sees "Gå med", presses it. */
    private PlainHttp.Page loginAndAcceptThroughLink(PlainHttp http, String link, String email, String leaving) {
        PlainHttp.Page page = http.follow(http.get(link), leaving);
        assertThat(page.location()).as("not sent off with an error").isNull();
        assertThat(page.pageId()).isEqualTo(Browser.LOGIN_PAGE);
        page = http.follow(
                page.form("#kc-form-login")
                        .with("username", email)
                        .with("password", PASSWORD)
                        .submit(http),
                leaving);
        assertThat(page.pageId()).isEqualTo(ACCEPT_PAGE);
        assertThat(page.doc().text()).contains("Företaget AB");
        return http.follow(
                page.form("#kundkonto-accept-invitation-form")
                        .with("accept", "")
                        .submit(http),
                leaving);
    }

    @Test
    void anInvitationSentWithThePublicPkceAppsTokenWorksForANewPersonAndAnExistingUser() {
        registered(A, "4400", "app.chef@foretaget.se");
        registered(NORR, "3456", "app.kollega@norr.se");
        String admin = clientLogin(new PlainHttp(), APP, null, APP_CALLBACK, "app.chef@foretaget.se")
                .raw();
        Map<String, Object> fromApp =
                Map.of("email", "ny.app@foretaget.se", "role", "Admin", "redirectUri", APP_CALLBACK);
        assertThat(api().call("POST", "/customers/" + A + "/invitations", admin, fromApp)
                        .status())
                .isEqualTo(201);
        assertThat(api().call(
                                "POST",
                                "/customers/" + A + "/invitations",
                                admin,
                                Map.of("email", "app.kollega@norr.se", "role", "User", "redirectUri", APP_CALLBACK))
                        .status())
                .isEqualTo(201);

        // A new person: registers through the link, ends at the app's callback without an error, and the
        // app's own PKCE login then needs nothing more from them.
        PlainHttp phone = new PlainHttp();
        PlainHttp.Page end =
                registerThroughLink(phone, invitationLink("ny.app@foretaget.se"), "ny.app@foretaget.se", APP_CALLBACK);
        assertThat(end.location()).startsWith(APP_CALLBACK).doesNotContain("error=");
        Token newcomer = clientLogin(phone, APP, null, APP_CALLBACK, "no-password-needed");
        assertThat(customerRoles(newcomer.parsed())).containsExactly(A + "/Admin");

        // An existing user: logs in, accepts, and is back in the app the same way.
        PlainHttp other = new PlainHttp();
        end = loginAndAcceptThroughLink(
                other, invitationLink("app.kollega@norr.se"), "app.kollega@norr.se", APP_CALLBACK);
        assertThat(end.location()).startsWith(APP_CALLBACK).doesNotContain("error=");
        assertThat(customerRoles(clientLogin(other, APP, null, APP_CALLBACK, "no-password-needed")
                        .parsed()))
                .containsExactlyInAnyOrder(A + "/User", NORR + "/Admin");
        assertThat(pendingInvitations(admin, A)).doesNotContain("ny.app@foretaget.se", "app.kollega@norr.se");
    }

    // ---------------------------------------------------------------- (3) the confidential portal

    @Test
    void theConfidentialPortalsInvitationsStillWork() {
        registered(A, "4400", "portal.chef@foretaget.se");
        registered(NORR, "3456", "portal.kollega@norr.se");
        String admin = clientLogin(new PlainHttp(), PORTAL, PORTAL_SECRET, PORTAL_URL, "portal.chef@foretaget.se")
                .raw();
        // No redirectUri: the portal's base URL.
        assertThat(api().call(
                                "POST",
                                "/customers/" + A + "/invitations",
                                admin,
                                Map.of("email", "portal.kollega@norr.se", "role", "Admin"))
                        .status())
                .isEqualTo(201);
        assertThat(api().call(
                                "POST",
                                "/customers/" + A + "/invitations",
                                admin,
                                Map.of("email", "ny.portal@foretaget.se", "role", "User"))
                        .status())
                .isEqualTo(201);

        PlainHttp colleague = new PlainHttp();
        PlainHttp.Page end = loginAndAcceptThroughLink(
                colleague, invitationLink("portal.kollega@norr.se"), "portal.kollega@norr.se", PORTAL_URL);
        assertThat(end.location()).startsWith(PORTAL_URL).doesNotContain("error=");
        assertThat(customerRoles(clientLogin(colleague, PORTAL, PORTAL_SECRET, PORTAL_URL, "no-password-needed")
                        .parsed()))
                .containsExactlyInAnyOrder(A + "/Admin", NORR + "/Admin");

        PlainHttp newcomer = new PlainHttp();
        end = registerThroughLink(
                newcomer, invitationLink("ny.portal@foretaget.se"), "ny.portal@foretaget.se", PORTAL_URL);
        assertThat(end.location()).startsWith(PORTAL_URL).doesNotContain("error=");
        assertThat(customerRoles(clientLogin(newcomer, PORTAL, PORTAL_SECRET, PORTAL_URL, "no-password-needed")
                        .parsed()))
                .containsExactly(A + "/User");
    }

    // ---------------------------------------------------------------- (4) opening the link changes nothing

    @Test
    void openingTheLinkWithOrWithoutCookiesChangesNothing() {
        registered(A, "4400", "skanner.chef@foretaget.se");
        registered(NORR, "3456", "skannad@norr.se");
        String admin = testAppToken("skanner.chef@foretaget.se");
        String callback = oauth.getRedirectUri();
        for (String email : List.of("skannad@norr.se", "oppnad.ny@foretaget.se")) {
            assertThat(api().call(
                                    "POST",
                                    "/customers/" + A + "/invitations",
                                    admin,
                                    Map.of("email", email, "role", "Admin", "redirectUri", callback))
                            .status())
                    .isEqualTo(201);
        }
        String existingLink = invitationLink("skannad@norr.se");
        String newLink = invitationLink("oppnad.ny@foretaget.se");

        // A mail scanner: no cookies, every redirect followed, twice.
        for (int i = 0; i < 2; i++) {
            for (String link : List.of(existingLink, newLink)) {
                PlainHttp.Page page = new PlainHttp().follow(new PlainHttp().get(link), callback);
                assertThat(page.status()).isLessThan(500);
            }
        }
        PlainHttp scanner = new PlainHttp();
        for (String link : List.of(existingLink, newLink, existingLink, newLink)) {
            assertThat(scanner.follow(scanner.get(link), callback).status())
                    .as("with the cookies of the last visit")
                    .isLessThan(500);
        }
        // The invited user's own browser, signed in: the link shows "Gå med" and nothing more.
        PlainHttp signedIn = new PlainHttp();
        clientLogin(signedIn, "test-app", "test-secret", callback, "skannad@norr.se");
        PlainHttp.Page accept = null;
        for (int i = 0; i < 2; i++) {
            accept = signedIn.follow(signedIn.get(existingLink), callback);
            assertThat(accept.pageId()).isEqualTo(ACCEPT_PAGE);
        }
        assertThat(isMemberAs(A, "skannad@norr.se", "Admin")).isFalse();
        assertThat(accounts()
                        .byCustomerNumber(A)
                        .map(org -> accounts().memberIds(org).contains(userId("skannad@norr.se"))))
                .hasValue(false);
        assertThat(accounts().userByEmail("oppnad.ny@foretaget.se")).isEmpty();
        // (The tests share the realm: other tests' invitations to this customer account may be pending too.)
        assertThat(pendingInvitations(admin, A)).contains("skannad@norr.se", "oppnad.ny@foretaget.se");

        // Only the person's POST on that page accepts.
        PlainHttp.Page end = signedIn.follow(
                accept.form("#kundkonto-accept-invitation-form")
                        .with("accept", "")
                        .submit(signedIn),
                callback);
        assertThat(end.location()).startsWith(callback);
        assertThat(isMemberAs(A, "skannad@norr.se", "Admin")).isTrue();
        assertThat(pendingInvitations(admin, A))
                .contains("oppnad.ny@foretaget.se")
                .doesNotContain("skannad@norr.se");
    }

    // ---------------------------------------------------------------- hostile input

    @Test
    void brokenOrForeignLinksAreExplainedInSwedishOrEnglishNeverAServerError() {
        registered(A, "4400", "trasig.chef@foretaget.se");
        String admin = testAppToken("trasig.chef@foretaget.se");
        assertThat(api().call(
                                "POST",
                                "/customers/" + A + "/invitations",
                                admin,
                                Map.of(
                                        "email",
                                        "trasig@foretaget.se",
                                        "role",
                                        "User",
                                        "redirectUri",
                                        oauth.getRedirectUri()))
                        .status())
                .isEqualTo(201);
        String link = invitationLink("trasig@foretaget.se");
        String key = queryParam(link, "key");
        assertThat(key).as("the link carries its invitation as key: " + link).isNotBlank();
        String tampered =
                link.replace(key, key.substring(0, key.length() - 6) + (key.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"));
        String garbled = link.replace(key, "inte-en-inbjudan");
        String foreign = link.replace("/realms/kundportal-clients/", "/realms/kundportal-clients-other/");
        for (String broken : List.of(tampered, garbled, foreign, link.replace(key, ""))) {
            PlainHttp.Page page = new PlainHttp().get(broken);
            assertThat(page.status()).as(broken).isEqualTo(400);
            assertThat(page.doc().text()).as(broken).contains("Inbjudningslänken fungerar inte");
        }
        browser.forgetSession(realm.getBaseUrl());
        browser.open(garbled.replace("ui_locales=sv", "ui_locales=en"));
        assertThat(browser.pageText()).contains("The invitation link does not work");
        browser.screenshot("invitation-link-broken-en");

        // A redirect not registered for the client is refused when the invitation is sent, and one added to
        // the link afterwards is not used.
        Api.Reply refused = api().call(
                        "POST",
                        "/customers/" + A + "/invitations",
                        admin,
                        Map.of(
                                "email",
                                "trasig2@foretaget.se",
                                "role",
                                "User",
                                "redirectUri",
                                "https://evil.example/"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.object()).containsEntry("error", "invalid_redirect_uri");
        PlainHttp http = new PlainHttp();
        PlainHttp.Page end = registerThroughLink(
                http,
                link + "&redirect_uri=" + enc("https://evil.example/"),
                "trasig@foretaget.se",
                oauth.getRedirectUri());
        assertThat(end.location()).startsWith(oauth.getRedirectUri());
    }
}
