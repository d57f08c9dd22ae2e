package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account console's own pages (theme kundkonto): "Mina kundkonton", "Företagsuppgifter" and
 * "Administrera användare", driven in the browser against the real API, in Swedish and English.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class AccountPagesIT extends BrowserTestBase {

    private static final String A = "01020304";
    private static final String SYD = "04050607";
    /** Each test its own customer account: the realm (and its members) is shared by the tests of the class. */
    private static final String BYGG = "05060708";

    private static final String SOLE_TRADER = "03040506";
    /** Joined under the join policy admin-approval. */
    private static final String NORR = "02030405";

    private static final String PASSWORD = "Sidor2026!konto";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-pages");
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

    private WebElement testId(String id) {
        return new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + id + "']")));
    }

    private boolean present(String id) {
        return !Browser.now(driver, By.cssSelector("[data-testid='" + id + "']"))
                .isEmpty();
    }

    private void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .withMessage(what)
                .until(d -> condition.getAsBoolean());
    }

    /** Opens an account-console page, logging in (and picking the customer) when asked. */
    private void openConsole(String page, String locale, String email, String customer) {
        driver.open(realm.getBaseUrl() + "/account/" + page + "?kc_locale=" + locale);
        // The console is a single-page app that may first bounce through the login: wait for either end.
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> present("kundkonto-nav-customers")
                        || !Browser.now(driver, By.id("kc-login")).isEmpty());
        if (!present("kundkonto-nav-customers")) {
            browser.login(email, PASSWORD);
            if ("login-kundkonto-select-customer".equals(browser.pageId())) {
                browser.selectCustomer(customer);
            }
        }
    }

    private String userId(String email) {
        return realm.admin().users().searchByEmail(email, true).get(0).getId();
    }

    private void register(String customer, String digits, String email) {
        // Plain HTTP: these tests are about the console's pages, not the registration's.
        new HttpRegistration(realm, mailbox).register(customer, digits, email, PASSWORD);
    }

    @Test
    void theConsoleClientCarriesTheKundkontoScope() {
        String console =
                realm.admin().clients().findByClientId("account-console").get(0).getId();
        assertThat(realm.admin().clients().get(console).getDefaultClientScopes())
                .extracting(ClientScopeRepresentation::getName)
                .contains("kundkonto");
    }

    @Test
    void anAdminSeesSwitchesAndKeepsTheCustomerAccounts() {
        register(A, "4400", "chef@foretaget.se");
        // In the browser: "Lägg till kundkonto" below runs in this person's session.
        registerNewUser(A, "4400", "kollega@foretaget.se", PASSWORD);
        oauth.loginForm().kcAction("kundkonto-add-customer").open();
        browser.verifyCustomer(SYD, "7652");
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
        browser.forgetSession(realm.getBaseUrl());

        // Mina kundkonton: both accounts, the chosen one active.
        openConsole("kundkonton", "sv", "kollega@foretaget.se", A);
        testId("kundkonto-customers-page");
        assertThat(testId("kundkonto-customer-" + A).getText()).contains("Företaget AB", A, "Administratör");
        assertThat(present("kundkonto-active-" + A)).isTrue();
        assertThat(present("kundkonto-switch-" + SYD)).isTrue();
        browser.screenshot("account-customers-sv");
        // Searched on the server, by company name or customer number.
        WebElement searchCustomers =
                driver.findElement(By.cssSelector("input[aria-label='Sök på företag eller kundnummer']"));
        searchCustomers.sendKeys("syd");
        waitUntil("only Syd", () -> present("kundkonto-customer-" + SYD) && !present("kundkonto-customer-" + A));
        searchCustomers.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0102030");
        waitUntil("only A", () -> present("kundkonto-customer-" + A) && !present("kundkonto-customer-" + SYD));
        searchCustomers.sendKeys(Keys.chord(Keys.CONTROL, "a"), "finns inte");
        assertThat(testId("kundkonto-customers-none-found").getText())
                .isEqualTo("Inget av dina kundkonton matchar sökningen.");
        searchCustomers.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waitUntil("both again", () -> present("kundkonto-customer-" + A) && present("kundkonto-customer-" + SYD));

        // Företagsuppgifter: registry data read-only, the reminder while the invoice address is missing.
        testId("kundkonto-nav-company").click();
        assertThat(testId("kundkonto-company-name").getText()).isEqualTo("Företaget AB");
        assertThat(testId("kundkonto-org-number").getText()).isEqualTo("112233-4400");
        assertThat(testId("kundkonto-customer-number").getText()).isEqualTo(A);
        assertThat(testId("kundkonto-customer-number-hint").getText())
                .isEqualTo("Här hittar du också ditt kundnummer.");
        assertThat(testId("kundkonto-missing-reminder").getText())
                .contains(
                        "Glöm inte att lägga till e-post, telefonnummer och fakturaadress om det inte redan är ifyllt.");
        browser.screenshot("account-company-sv");

        // A bad invoice e-mail: explained at the field, nothing else lost, nothing saved.
        testId("kundkonto-invoice-street").sendKeys("Storgatan 1");
        testId("kundkonto-invoice-postal-code").sendKeys("12345");
        testId("kundkonto-invoice-city").sendKeys("Sundsvall");
        testId("kundkonto-invoice-email").sendKeys("faktura-at-foretaget");
        testId("kundkonto-save-company").click();
        assertThat(testId("kundkonto-invoice-email-error").getText()).isNotBlank();
        assertThat(testId("kundkonto-invoice-street").getDomProperty("value")).isEqualTo("Storgatan 1");
        browser.screenshot("account-company-invalid-sv");
        WebElement email = testId("kundkonto-invoice-email");
        email.clear();
        email.sendKeys("faktura@foretaget.se");
        testId("kundkonto-save-company").click();
        testId("kundkonto-company-saved");
        waitUntil("the reminder goes when all is filled in", () -> !present("kundkonto-missing-reminder"));
        Map<String, Object> saved = companyDetails("kollega@foretaget.se", A);
        assertThat(saved)
                .containsEntry("invoiceEmail", "faktura@foretaget.se")
                .containsEntry("invoicePostalCode", "123 45")
                .containsEntry("invoiceCity", "Sundsvall");

        // "Byt kund" in the console: the company page follows.
        testId("kundkonto-nav-customers").click();
        testId("kundkonto-switch-" + SYD).click();
        testId("kundkonto-customers-page");
        waitUntil("Syd becomes active", () -> present("kundkonto-active-" + SYD));
        testId("kundkonto-nav-company").click();
        waitUntil(
                "the company page shows Syd",
                () -> testId("kundkonto-company-name").getText().equals("Återvinning Syd AB"));
        assertThat(testId("kundkonto-customer-number").getText()).isEqualTo(SYD);
    }

    @Test
    void anAdminManagesTheUsersAndAUserDoesNotSeeThePage() {
        register(BYGG, "2227", "admin@bolaget.se");
        register(BYGG, "2227", "medarbetare@bolaget.se");
        String colleague = userId("medarbetare@bolaget.se");
        String admin = userId("admin@bolaget.se");

        browser.forgetSession(realm.getBaseUrl());
        openConsole("anvandare", "sv", "admin@bolaget.se", BYGG);
        testId("kundkonto-users-page");
        assertThat(testId("kundkonto-member-" + colleague).getText()).contains("medarbetare@bolaget.se");
        browser.screenshot("account-users-sv");

        // Make the colleague a User: the API agrees.
        new Select(testId("kundkonto-role-" + colleague)).selectByValue("User");
        testId("kundkonto-users-saved");
        waitUntil("role saved", () -> "User".equals(role(BYGG, colleague)));

        // Now the admin is the last Admin: the page says what that means, and the server holds the line.
        testId("kundkonto-last-admin-note");
        new Select(testId("kundkonto-role-" + admin)).selectByValue("User");
        assertThat(testId("kundkonto-users-error").getText()).isNotBlank();
        assertThat(role(BYGG, admin)).isEqualTo("Admin");
        browser.screenshot("account-users-last-admin-sv");

        // Invite someone; the invitation is listed.
        testId("kundkonto-invite-email").sendKeys("ny@bolaget.se");
        new Select(testId("kundkonto-invite-role")).selectByValue("User");
        testId("kundkonto-invite-submit").click();
        testId("kundkonto-invite-saved");
        waitUntil(
                "invitation listed",
                () -> present("kundkonto-invitations")
                        && testId("kundkonto-invitations").getText().contains("ny@bolaget.se"));
        assertThat(Mails.count(mail, "ny@bolaget.se", "Inbjudan till Mina sidor"))
                .isEqualTo(1);

        // The User sees neither the menu entry nor the page.
        browser.forgetSession(realm.getBaseUrl());
        openConsole("kundkonton", "sv", "medarbetare@bolaget.se", BYGG);
        testId("kundkonto-customers-page");
        assertThat(present("kundkonto-nav-users")).isFalse();
        driver.open(realm.getBaseUrl() + "/account/anvandare?kc_locale=sv");
        assertThat(testId("kundkonto-users-admin-only").getText()).isNotBlank();
        assertThat(present("kundkonto-members")).isFalse();
        browser.screenshot("account-users-not-admin-sv");
        Api api = new Api(realm.getBaseUrl());
        String userToken = api.token("test-app", "test-secret", "medarbetare@bolaget.se", PASSWORD);
        assertThat(api.call(
                                "PUT",
                                "/customers/" + BYGG + "/members/" + admin + "/role",
                                userToken,
                                Map.of("role", "User"))
                        .status())
                .isEqualTo(403);

        // Back as the Admin: remove the colleague.
        browser.forgetSession(realm.getBaseUrl());
        openConsole("anvandare", "sv", "admin@bolaget.se", BYGG);
        testId("kundkonto-remove-" + colleague).click();
        testId("kundkonto-confirm-remove").click();
        waitUntil("the colleague is gone", () -> !present("kundkonto-member-" + colleague));
        assertThat(members(BYGG)).containsExactly(admin);
    }

    @Test
    void anAdminPagesAndSearchesALongListOfUsers() {
        register(A, "4400", "sidadmin@foretaget.se");
        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        var template = admin.userByEmail("sidadmin@foretaget.se").orElseThrow();
        // 45 more members of A (other tests of the class may add a few more to A): more than two pages of 20.
        new MemberSeed(realm.admin())
                .add(
                        admin.byCustomerNumber(A).orElseThrow(),
                        45,
                        i -> MemberSeed.person(
                                String.format("sida.%02d@foretaget.se", i + 1),
                                "Sida",
                                String.format("Medlem%02d", i + 1),
                                template));

        browser.forgetSession(realm.getBaseUrl());
        openConsole("anvandare", "sv", "sidadmin@foretaget.se", A);
        testId("kundkonto-users-page");
        testId("kundkonto-members");
        WebElement search = driver.findElement(By.cssSelector("input[aria-label='Sök på namn eller e-post']"));
        assertThat(search.getDomAttribute("placeholder")).isEqualTo("Sök på namn eller e-post");

        // Searching goes to the server: 45 found, the first 20 shown by e-mail, the rest a page away.
        search.sendKeys("SIDA.");
        waitUntil("45 found", () -> found().equals("45 träffar"));
        assertThat(memberEmails())
                .hasSize(20)
                .startsWith("sida.01@foretaget.se")
                .endsWith("sida.20@foretaget.se");
        WebElement pagination = testId("kundkonto-members-pagination");
        assertThat(pagination.findElement(By.cssSelector("nav")).getDomAttribute("aria-label"))
                .isEqualTo("Sidor");
        browser.screenshot("account-users-paged-sv");
        WebElement next = pagination.findElement(By.cssSelector("button[aria-label='Till nästa sida']"));
        next.click();
        waitUntil("page 2", () -> memberEmails().contains("sida.21@foretaget.se"));
        assertThat(memberEmails())
                .hasSize(20)
                .startsWith("sida.21@foretaget.se")
                .doesNotContain("sida.20@foretaget.se");
        testId("kundkonto-members-pagination")
                .findElement(By.cssSelector("button[aria-label='Till nästa sida']"))
                .click();
        waitUntil(
                "page 3",
                () -> memberEmails()
                        .equals(List.of(
                                "sida.41@foretaget.se",
                                "sida.42@foretaget.se",
                                "sida.43@foretaget.se",
                                "sida.44@foretaget.se",
                                "sida.45@foretaget.se")));

        // A narrower search starts again at page 1; by name too.
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "medlem07");
        waitUntil("one found", () -> memberEmails().equals(List.of("sida.07@foretaget.se")));
        assertThat(found()).isEqualTo("1 träff");
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "finns-inte");
        assertThat(testId("kundkonto-members-none-found").getText()).isEqualTo("Ingen användare matchar sökningen.");
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waitUntil("everyone again", () -> memberEmails().size() == 20 && Integer.parseInt(found().split(" ")[0]) >= 46);
        // Only one Admin among them: the note counts the Admins on the server, not those on the page shown.
        assertThat(present("kundkonto-last-admin-note"))
                .isEqualTo(admin.roleMemberIds(admin.byCustomerNumber(A).orElseThrow(), "Admin")
                                .size()
                        == 1);
    }

    /** The number found, as announced to screen readers. */
    private String found() {
        return Browser.now(driver, By.cssSelector("[data-testid='kundkonto-members-count']")).stream()
                .findFirst()
                .map(e -> e.getDomProperty("textContent"))
                .orElse("");
    }

    /** The e-mail column of the members table, as shown. */
    private List<String> memberEmails() {
        try {
            return Browser.now(
                            driver,
                            By.cssSelector("[data-testid='kundkonto-members'] tbody tr td[data-label='E-post']"))
                    .stream()
                    .map(WebElement::getText)
                    .toList();
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    @Test
    void anAdminApprovesAWaitingPersonAsUserAndTurnsAnotherDown() {
        joinPolicy("admin-approval");
        try {
            register(NORR, "3456", "godkannare@norr.se");
            register(NORR, "3456", "vantande@norr.se");
            register(NORR, "3456", "avvisad@norr.se");
        } finally {
            joinPolicy("everyone-admin");
        }
        String admin = userId("godkannare@norr.se");
        String waiting = userId("vantande@norr.se");
        String turnedDown = userId("avvisad@norr.se");
        Api api = new Api(realm.getBaseUrl());
        String adminToken = api.token("test-app", "test-secret", "godkannare@norr.se", PASSWORD);
        assertThat(memberRole(api, adminToken, waiting)).isEqualTo("Pending");

        // The waiting people are shown as such, not as Administratör, with the ways to approve them.
        browser.forgetSession(realm.getBaseUrl());
        openConsole("anvandare", "sv", "godkannare@norr.se", NORR);
        assertThat(testId("kundkonto-pending-" + waiting).getText()).isEqualTo("Väntar på godkännande");
        // The row's only "Administratör" is the approve button's: the person is not shown holding that role.
        assertThat(testId("kundkonto-member-" + waiting).getText().replace("Godkänn som Administratör", ""))
                .contains("vantande@norr.se")
                .doesNotContain("Administratör");
        assertThat(testId("kundkonto-approve-user-" + waiting).getText()).isEqualTo("Godkänn som Användare");
        assertThat(testId("kundkonto-approve-admin-" + waiting).getText()).isEqualTo("Godkänn som Administratör");
        assertThat(present("kundkonto-role-" + waiting))
                .as("no role select while waiting")
                .isFalse();
        assertThat(testId("kundkonto-pending-" + turnedDown).getText()).isEqualTo("Väntar på godkännande");
        assertThat(testId("kundkonto-role-" + admin).getDomProperty("value")).isEqualTo("Admin");
        browser.screenshot("account-users-pending-sv");

        // Approve as User: the page and the API say User, and the person now has the customer account.
        testId("kundkonto-approve-user-" + waiting).click();
        assertThat(testId("kundkonto-users-saved").getText()).contains("Användare");
        waitUntil("the approved person gets a role select", () -> present("kundkonto-role-" + waiting));
        assertThat(testId("kundkonto-role-" + waiting).getDomProperty("value")).isEqualTo("User");
        assertThat(present("kundkonto-pending-" + waiting)).isFalse();
        assertThat(memberRole(api, adminToken, waiting)).isEqualTo("User");
        assertThat(role(NORR, waiting)).isEqualTo("User");
        String approved = api.token("test-app", "test-secret", "vantande@norr.se", PASSWORD);
        assertThat(api.call("GET", "/customers", approved, null).list())
                .containsExactly(Map.of(
                        "number",
                        NORR,
                        "name",
                        api.call("GET", "/customers/" + NORR, adminToken, null)
                                .object()
                                .get("name"),
                        "role",
                        "User"));

        // Turn the other one down: removed, never a member with a role.
        testId("kundkonto-remove-" + turnedDown).click();
        testId("kundkonto-confirm-remove").click();
        waitUntil("the turned-down person is gone", () -> !present("kundkonto-member-" + turnedDown));
        assertThat(members(NORR)).containsExactlyInAnyOrder(admin, waiting);
        assertThat(api.call("GET", "/customers/" + NORR + "/members", adminToken, null)
                        .list())
                .extracting(m -> m.get("id"))
                .containsExactlyInAnyOrder(admin, waiting);
        browser.screenshot("account-users-approved-sv");
    }

    @Test
    void everyPageInEnglishForASoleTrader() {
        // A sole trader: the registry's number is the owner's personnummer, shown masked only.
        register(SOLE_TRADER, "1231", "english@tradgard.se");
        browser.forgetSession(realm.getBaseUrl());
        // The console speaks the user's chosen language, which registration in Swedish set to sv.
        var english =
                realm.admin().users().searchByEmail("english@tradgard.se", true).get(0);
        english.singleAttribute("locale", "en");
        realm.admin().users().get(english.getId()).update(english);
        for (String[] page : new String[][] {
            {"kundkonton", "kundkonto-customers-page", "account-customers-en"},
            {"foretagsuppgifter", "kundkonto-company-page", "account-company-en"},
            {"anvandare", "kundkonto-users-page", "account-users-en"}
        }) {
            openConsole(page[0], "en", "english@tradgard.se", SOLE_TRADER);
            testId(page[1]);
            browser.screenshot(page[2]);
        }
        assertThat(testId("kundkonto-nav-users").getText()).isEqualTo("Manage users");
        openConsole("", "en", "english@tradgard.se", SOLE_TRADER);
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("phoneNumber")));
        browser.screenshot("account-personal-info-en");
        testId("kundkonto-nav-company").click();
        assertThat(testId("kundkonto-customer-number-hint").getText())
                .isEqualTo("This is also where you find your customer number.");
        assertThat(testId("kundkonto-org-number").getText()).isEqualTo("800101-XXXX");
        assertThat(driver.driver().getPageSource())
                .doesNotContain("19800101-1231")
                .doesNotContain("800101-1231");
    }

    @Test
    void phoneAndMunicipalitiesAreChangedInMinaUppgifterAndReachTheToken() {
        register(SYD, "7652", "profil@syd.se");
        browser.forgetSession(realm.getBaseUrl());
        openConsole("", "sv", "profil@syd.se", SYD);
        WebElement phone = new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("phoneNumber")));
        chooseInConsole("Göte", "Göteborg");
        chooseInConsole("Stockh", "Stockholm");

        // A bad phone number: a Swedish message at the field, and nothing is saved.
        phone.sendKeys(Keys.chord(Keys.CONTROL, "a"), "070-12");
        testId("save").click();
        WebElement phoneError = new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//*[contains(text(), 'Ange ett giltigt telefonnummer')]")));
        assertThat(phoneError.getText()).contains("070-123 45 67");
        browser.screenshot("account-personal-info-invalid-phone-sv");
        var unchanged =
                realm.admin().users().searchByEmail("profil@syd.se", true).get(0);
        assertThat(unchanged.getAttributes())
                .doesNotContainKey("municipalities")
                .containsEntry("phoneNumber", List.of("+46700000000"));

        phone.sendKeys(Keys.chord(Keys.CONTROL, "a"), "+46 70 123 45 67");
        testId("save").click();
        waitUntil(
                "saved",
                () -> realm.admin()
                                .users()
                                .searchByEmail("profil@syd.se", true)
                                .get(0)
                                .getAttributes()
                                .getOrDefault("municipalities", List.of())
                                .size()
                        == 2);
        browser.screenshot("account-personal-info-sv");
        var saved = realm.admin().users().searchByEmail("profil@syd.se", true).get(0);
        assertThat(saved.getAttributes().get("municipalities")).containsExactlyInAnyOrder("1480", "0180");
        assertThat(saved.firstAttribute("phoneNumber")).as("stored in one form").isEqualTo("+46701234567");

        // The portal's next token carries the codes.
        oauth.loginForm().open();
        String code = oauth.parseLoginResponse().getCode();
        var token = oauth.verifyToken(oauth.doAccessTokenRequest(code).getAccessToken());
        assertThat(token.getOtherClaims().get("municipalities")).asList().containsExactlyInAnyOrder("1480", "0180");
    }

    /** The account console's type-ahead multiselect: type part of the name, pick the entry. */
    private void chooseInConsole(String typed, String municipality) {
        WebElement input = driver.findElement(By.cssSelector("#municipalities input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), typed);
        new WebDriverWait(driver.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.xpath(
                        "//*[@role='option' or @role='menuitem']//*[normalize-space(text())='" + municipality + "']")))
                .click();
    }

    /** User federation → Kundregister → Join policy, as JoinPolicyIT sets it. */
    private void joinPolicy(String policy) {
        ComponentRepresentation registry =
                realm.admin().components().query(realm.getId(), "org.keycloak.storage.UserStorageProvider").stream()
                        .filter(c -> "customer-registry".equals(c.getProviderId()))
                        .findFirst()
                        .orElseThrow();
        registry.getConfig().putSingle("joinPolicy", policy);
        realm.admin().components().component(registry.getId()).update(registry);
    }

    /** The member's role as the API lists it in Administrera användare. */
    private static Object memberRole(Api api, String token, String userId) {
        return api.call("GET", "/customers/" + NORR + "/members", token, null).list().stream()
                .filter(m -> userId.equals(m.get("id")))
                .findFirst()
                .orElseThrow()
                .get("role");
    }

    private Map<String, Object> companyDetails(String email, String customer) {
        Api api = new Api(realm.getBaseUrl());
        return api.call("GET", "/customers/" + customer, api.token("test-app", "test-secret", email, PASSWORD), null)
                .object();
    }

    private String role(String customer, String userId) {
        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        var org = admin.byCustomerNumber(customer).orElseThrow();
        return admin.roleMemberIds(org, "Admin").contains(userId)
                ? "Admin"
                : admin.roleMemberIds(org, "User").contains(userId) ? "User" : null;
    }

    private List<String> members(String customer) {
        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        var org = admin.byCustomerNumber(customer).orElseThrow();
        return admin.memberIds(org);
    }
}
