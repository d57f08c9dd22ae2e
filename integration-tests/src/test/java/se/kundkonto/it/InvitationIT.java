package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * Invitations end to end: an Admin invites through the REST API, the e-mail is caught by the test
 * SMTP server, and its link is opened in the browser — by a new person (registers without the
 * digits, with the invited address only) and by an existing user (logs in, then accepts).
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class InvitationIT extends BrowserTestBase {

    private static final String A = "01020304";
    private static final String PASSWORD = "Bjud2026!in";
    private static final String SUBJECT_SV = "Inbjudan till Mina sidor";
    private static final String ACCEPT_PAGE = "login-kundkonto-accept-invitation";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-invite");
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

    private Api api() {
        return new Api(realm.getBaseUrl());
    }

    /** A member set up in plain HTTP: the registration pages are RegistrationIT's subject, not this class's. */
    private void registered(String customer, String digits, String email) {
        new HttpRegistration(realm, mail).register(customer, digits, email, PASSWORD);
    }

    private String adminOfA(String email) {
        registered(A, "4400", email);
        return api().token("test-app", "test-secret", email, PASSWORD);
    }

    private Api.Reply invite(String adminToken, String email, String role) {
        return api().call(
                        "POST",
                        "/customers/" + A + "/invitations",
                        adminToken,
                        Map.of("email", email, "role", role, "redirectUri", oauth.getRedirectUri()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> customers(AccessToken token) {
        return (List<Map<String, Object>>) token.getOtherClaims().get("customers");
    }

    @SuppressWarnings("unchecked")
    private static Object activeCustomer(AccessToken token) {
        return ((Map<String, Object>) token.getOtherClaims().get("active_customer")).get("number");
    }

    @Test
    void aNewPersonRegistersThroughTheLinkWithoutTheDigitsAndGetsTheInvitedRole() {
        String admin = adminOfA("chef@foretaget.se");
        Api.Reply sent = invite(admin, "Ny.Person@Foretaget.se", "User");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.object())
                .containsEntry("email", "ny.person@foretaget.se")
                .containsKeys("id", "expiresAt");
        assertThat(realm.admin().getAdminEvents())
                .anySatisfy(e -> assertThat(e.getDetails())
                        .containsEntry("kundkonto_event", "invited")
                        .containsEntry("kundkonto_customer_number", A)
                        .containsEntry("kundkonto_role", "User"));

        MimeMessage invitation = Mails.latest(mail, "ny.person@foretaget.se", SUBJECT_SV);
        assertThat(Mails.text(invitation))
                .contains(
                        "Test Person",
                        "Företaget AB",
                        A,
                        "Användare",
                        "Du behöver inte organisationsnumret",
                        "72 timmar");
        String link = Mails.link(invitation);

        browser.forgetSession(realm.getBaseUrl());
        browser.open(link);
        assertThat(browser.pageId()).as("straight to the form: no digits asked").isEqualTo(Browser.REGISTER_PAGE);
        assertThat(browser.pageText()).contains("Företaget AB");
        assertThat(browser.fieldValue("email")).isEqualTo("ny.person@foretaget.se");
        browser.screenshot("register-invited-sv");

        // Another address is refused: the invitation is for the person it was sent to.
        browser.register("Nina", "Ny", "070-111 22 33", "annan@foretaget.se", PASSWORD);
        assertThat(browser.pageId()).isEqualTo(Browser.REGISTER_PAGE);
        assertThat(browser.fieldError("email")).hasValue("Använd e-postadressen som inbjudan skickades till.");
        assertThat(realm.admin().users().searchByEmail("annan@foretaget.se", true))
                .isEmpty();

        browser.register("Nina", "Ny", "070-111 22 33", "ny.person@foretaget.se", PASSWORD);
        // No e-mail verification: the invitation reached this address. The password comes next, as after verification.
        assertThat(browser.pageId()).isEqualTo(Browser.UPDATE_PASSWORD_PAGE);
        browser.choosePasswordIfAsked();
        browser.skipTotp();
        AccessToken token = tokenAfterInvitation();
        assertThat(customers(token)).containsExactly(Map.of("number", A, "name", "Företaget AB", "role", "User"));
        assertThat(activeCustomer(token)).isEqualTo(A);
        List<EventRepresentation> accepted =
                realm.admin().getEvents(List.of("INVITE_ORG"), null, null, null, null, null, 0, 10);
        assertThat(accepted)
                .anySatisfy(e -> assertThat(e.getDetails())
                        .containsEntry("kundkonto_event", "invitation_accepted")
                        .containsEntry("kundkonto_customer_number", A)
                        .containsEntry("kundkonto_role", "User"));
        assertThat(Mails.text(Mails.latest(mail, "chef@foretaget.se", "Ny användare i ert kundkonto")))
                .contains("ny.person@foretaget.se");

        // The link is spent: opened again it leads to the login of the account that now has the address, and
        // after it the invitation gives nothing more.
        browser.forgetSession(realm.getBaseUrl());
        browser.open(link);
        assertThat(browser.pageId()).isEqualTo(Browser.LOGIN_PAGE);
        browser.login("ny.person@foretaget.se", PASSWORD);
        assertThat(browser.pageId()).isEqualTo(ACCEPT_PAGE);
        assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).contains("Inbjudan gäller inte längre"));
    }

    @Test
    void anExistingUserLogsInAndAcceptsAndARevokedOrForeignInvitationGivesNothing() {
        String admin = adminOfA("vd@foretaget.se");
        registered("02030405", "3456", "kollega@norr.se");
        registerNewUser("04050607", "7652", "tredje@syd.se", PASSWORD);
        tokenFromCallback();

        assertThat(invite(admin, "kollega@norr.se", "Admin").status()).isEqualTo(201);
        MimeMessage toColleague = Mails.latest(mail, "kollega@norr.se", SUBJECT_SV);
        assertThat(Mails.text(toColleague)).contains("Logga in med ditt vanliga konto", "Administratör");
        String colleagueLink = Mails.link(toColleague);
        String thirdId =
                (String) invite(admin, "tredje@syd.se", "User").object().get("id");
        String thirdLink = Mails.link(Mails.latest(mail, "tredje@syd.se", SUBJECT_SV));

        // The browser is still logged in as tredje@: the colleague's invitation is not theirs to accept.
        browser.open(colleagueLink);
        assertThat(browser.pageId()).isEqualTo(ACCEPT_PAGE);
        assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).contains("en annan e-postadress"));
        browser.screenshot("accept-invitation-other-email-sv");
        browser.press("kundkonto-invitation-continue");
        assertThat(customers(tokenAfterInvitation()))
                .extracting(c -> c.get("number"))
                .containsExactly("04050607");

        // A revoked invitation's link gives nothing.
        assertThat(api().call("DELETE", "/customers/" + A + "/invitations/" + thirdId, admin, null)
                        .status())
                .isEqualTo(204);
        browser.open(thirdLink);
        assertThat(browser.pageId()).isEqualTo(ACCEPT_PAGE);
        assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).contains("Inbjudan gäller inte längre"));
        browser.screenshot("accept-invitation-invalid-sv");
        browser.press("kundkonto-invitation-continue");
        assertThat(customers(tokenAfterInvitation()))
                .extracting(c -> c.get("number"))
                .containsExactly("04050607");

        // The colleague: the link alone grants nothing, they log in first, then accept.
        browser.forgetSession(realm.getBaseUrl());
        browser.open(colleagueLink);
        assertThat(browser.pageId()).isEqualTo(Browser.LOGIN_PAGE);
        browser.login("kollega@norr.se", PASSWORD);
        assertThat(browser.pageId()).isEqualTo(ACCEPT_PAGE);
        assertThat(browser.pageText())
                .contains("Du har bjudits in till kundkontot Företaget AB (kundnummer 01020304) som Administratör.");
        browser.screenshot("accept-invitation-sv");
        browser.press("kundkonto-invitation-accept");
        AccessToken token = tokenAfterInvitation();
        assertThat(customers(token))
                .extracting(c -> c.get("number") + "/" + c.get("role"))
                .containsExactly(A + "/Admin", "02030405/Admin");
        assertThat(activeCustomer(token))
                .as("the new customer account becomes active")
                .isEqualTo(A);

        assertThat(invite(admin, "kollega@norr.se", "User").object()).containsEntry("error", "already_member");
        assertThat(api().call("GET", "/customers/" + A + "/invitations", admin, null)
                        .list())
                .isEmpty();
    }

    private String memberId(String adminToken, String customer, String email) {
        return (String) api().call("GET", "/customers/" + customer + "/members", adminToken, null).list().stream()
                .filter(m -> email.equals(m.get("email")))
                .findFirst()
                .orElseThrow()
                .get("id");
    }

    /** Issue 10, item 6: a rogue Admin's pre-sent Admin invitations stop working once they are no longer Admin. */
    @Test
    void aDemotedAdminsInvitationsGrantNothing() {
        String rogue = adminOfA("rogue@foretaget.se");
        String other = adminOfA("annan.chef@foretaget.se");
        registered("02030405", "3456", "mottagare@norr.se");

        assertThat(invite(rogue, "mottagare@norr.se", "Admin").status()).isEqualTo(201);
        String existingLink = Mails.link(Mails.latest(mail, "mottagare@norr.se", SUBJECT_SV));
        assertThat(invite(rogue, "egen.brevlada@example.se", "Admin").status()).isEqualTo(201);
        String newcomerLink = Mails.link(Mails.latest(mail, "egen.brevlada@example.se", SUBJECT_SV));

        // Another Admin demotes the rogue one.
        Api.Reply demoted = api().call(
                        "PUT",
                        "/customers/" + A + "/members/" + memberId(other, A, "rogue@foretaget.se") + "/role",
                        other,
                        Map.of("role", "User"));
        assertThat(demoted.status()).isEqualTo(200);

        // An existing user logs in and is told why; nothing is granted.
        browser.forgetSession(realm.getBaseUrl());
        browser.open(existingLink);
        browser.login("mottagare@norr.se", PASSWORD);
        assertThat(browser.pageId()).isEqualTo(ACCEPT_PAGE);
        assertThat(browser.feedback())
                .hasValue(
                        "Inbjudan gäller inte längre: den som bjöd in dig är inte längre administratör för kundkontot.");
        assertThat(driver.driver().findElements(org.openqa.selenium.By.id("kundkonto-invitation-accept")))
                .isEmpty();
        browser.screenshot("accept-invitation-inviter-demoted-sv");
        browser.press("kundkonto-invitation-continue");
        assertThat(customers(tokenAfterInvitation()))
                .extracting(c -> c.get("number"))
                .containsExactly("02030405");
        assertThat(realm.admin().getEvents(List.of("INVITE_ORG_ERROR"), null, null, null, null, null, 0, 20))
                .anySatisfy(e -> assertThat(e.getError()).isEqualTo("kundkonto_inviter_not_admin"));

        // A new person's link no longer skips the digits: it is an ordinary registration.
        browser.forgetSession(realm.getBaseUrl());
        browser.open(newcomerLink);
        assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
    }

    /** Issue 10, item 6: a bounded number of invitations per customer account per 24 hours, refused politely. */
    @Test
    void invitationsPerCustomerAccountAreLimited() {
        var registry = realm
                .admin()
                .components()
                .query(realm.admin().toRepresentation().getId(), "org.keycloak.storage.UserStorageProvider")
                .stream()
                .filter(c -> "customer-registry".equals(c.getProviderId()))
                .findFirst()
                .orElseThrow();
        String shipped = registry.getConfig().getFirst("invitationsPerDay");
        registry.getConfig().putSingle("invitationsPerDay", "3");
        realm.admin().components().component(registry.getId()).update(registry);
        try {
            registered("05060708", "2227", "flitig@bygg.se");
            String admin = api().token("test-app", "test-secret", "flitig@bygg.se", PASSWORD);
            for (int i = 1; i <= 3; i++) {
                assertThat(inviteTo("05060708", admin, "person" + i + "@bygg.se")
                                .status())
                        .isEqualTo(201);
            }
            Api.Reply refused = inviteTo("05060708", admin, "person4@bygg.se");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.object()).containsEntry("error", "too_many_invitations");
            assertThat(Mails.count(mail, "person4@bygg.se", SUBJECT_SV))
                    .as("nothing sent")
                    .isZero();
            // Replacing an invitation is another invitation: it counts too.
            assertThat(inviteTo("05060708", admin, "person1@bygg.se").status()).isEqualTo(429);
            // Another customer account has its own budget.
            registered("04050607", "7652", "egen.budget@syd.se");
            String otherAdmin = api().token("test-app", "test-secret", "egen.budget@syd.se", PASSWORD);
            assertThat(inviteTo("04050607", otherAdmin, "kollega@syd.se").status())
                    .isEqualTo(201);
        } finally {
            // Keycloak keeps a config key the update leaves out: set it back (blank = the default).
            registry.getConfig().putSingle("invitationsPerDay", shipped == null ? "" : shipped);
            realm.admin().components().component(registry.getId()).update(registry);
        }
    }

    private Api.Reply inviteTo(String customer, String adminToken, String email) {
        return api().call(
                        "POST",
                        "/customers/" + customer + "/invitations",
                        adminToken,
                        Map.of("email", email, "role", "User", "redirectUri", oauth.getRedirectUri()));
    }
}
