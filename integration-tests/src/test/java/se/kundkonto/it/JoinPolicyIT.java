package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** The join policies (User federation → Kundregister → Join policy) and the e-mail every existing Admin gets. */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class JoinPolicyIT extends BrowserTestBase {

    private static final String PASSWORD = "Join2026!policy";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-join");
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

    private void joinPolicy(String policy) {
        ComponentRepresentation registry =
                realm.admin().components().query(realm.getId(), "org.keycloak.storage.UserStorageProvider").stream()
                        .filter(c -> "customer-registry".equals(c.getProviderId()))
                        .findFirst()
                        .orElseThrow();
        registry.getConfig().putSingle("joinPolicy", policy);
        realm.admin().components().component(registry.getId()).update(registry);
    }

    private void register(String customer, String digits, String email) {
        // Plain HTTP: the registration pages are RegistrationIT's subject; here they only set up members.
        new HttpRegistration(realm, mailbox).register(customer, digits, email, PASSWORD);
    }

    private List<String> roleMembers(String customer, String role) {
        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        OrganizationRepresentation org = admin.byCustomerNumber(customer).orElseThrow();
        return admin.roleMemberIds(org, role);
    }

    private String id(String email) {
        return realm.admin().users().searchByEmail(email, true).get(0).getId();
    }

    @Test
    void everyoneIsAdminByDefaultAndTheAdminsAreTold() {
        register("01020304", "4400", "forsta@foretaget.se");
        register("01020304", "4400", "andra@foretaget.se");
        assertThat(roleMembers("01020304", "Admin")).contains(id("forsta@foretaget.se"), id("andra@foretaget.se"));

        MimeMessage told = Mails.latest(mail, "forsta@foretaget.se", "Ny användare i ert kundkonto");
        assertThat(Mails.text(told))
                .contains("andra@foretaget.se", "Företaget AB", "01020304", "Administratör", "ta bort användaren");
        assertThat(Mails.html(told)).contains("<b>Företaget AB</b>");
        assertThat(Mails.count(mail, "andra@foretaget.se", "Ny användare i ert kundkonto"))
                .as("not told about oneself")
                .isZero();
    }

    @Test
    void firstAdminThenUser() {
        joinPolicy("first-admin-then-user");
        try {
            register("02030405", "3456", "chef@norr.se");
            register("02030405", "3456", "anstalld@norr.se");
            assertThat(roleMembers("02030405", "Admin")).containsExactly(id("chef@norr.se"));
            assertThat(roleMembers("02030405", "User")).containsExactly(id("anstalld@norr.se"));
            assertThat(Mails.text(Mails.latest(mail, "chef@norr.se", "Ny användare i ert kundkonto")))
                    .contains("anstalld@norr.se", "Användare");
        } finally {
            joinPolicy("everyone-admin");
        }
    }

    @Test
    void adminApprovalKeepsNewcomersPendingUntilAnAdminGivesThemARole() {
        joinPolicy("admin-approval");
        try {
            register("04050607", "7652", "godkannare@syd.se");
            register("04050607", "7652", "vantande@syd.se");
            assertThat(roleMembers("04050607", "Pending")).containsExactly(id("vantande@syd.se"));
            assertThat(Mails.text(Mails.latest(mail, "godkannare@syd.se", "Ny användare väntar på godkännande")))
                    .contains("vantande@syd.se");

            Api api = new Api(realm.getBaseUrl());
            String waiting = api.token("test-app", "test-secret", "vantande@syd.se", PASSWORD);
            assertThat((List<?>) api.call("GET", "/customers", waiting, null).json())
                    .as("pending grants nothing")
                    .isEmpty();
            assertThat(api.call("GET", "/customers/04050607", waiting, null).status())
                    .isEqualTo(404);

            String approver = api.token("test-app", "test-secret", "godkannare@syd.se", PASSWORD);
            assertThat(api.call(
                                    "PUT",
                                    "/customers/04050607/members/" + id("vantande@syd.se") + "/role",
                                    approver,
                                    Map.of("role", "User"))
                            .status())
                    .isEqualTo(200);
            String approved = api.token("test-app", "test-secret", "vantande@syd.se", PASSWORD);
            assertThat(api.call("GET", "/customers", approved, null).body()).contains("04050607", "\"User\"");
        } finally {
            joinPolicy("everyone-admin");
        }
    }
}
