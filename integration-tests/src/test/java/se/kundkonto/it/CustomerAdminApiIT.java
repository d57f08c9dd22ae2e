package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The customer-admin REST API: the authorization matrix (anonymous, token of a client without the
 * kundkonto scope, User of A, Admin of A, Admin of B × every endpoint), last-Admin protection and
 * bad input. One test, because the matrix is one story: the cells share the users they need.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class CustomerAdminApiIT extends BrowserTestBase {

    private static final String A = "01020304";
    private static final String B = "02030405";
    private static final String PASSWORD = "Api2026!secret";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-api");
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

    private void register(String customer, String digits, String email) {
        // Plain HTTP: the registration pages are RegistrationIT's subject; here they only set up members.
        new HttpRegistration(realm, mailbox).register(customer, digits, email, PASSWORD);
    }

    private String userId(String email) {
        return realm.admin().users().searchByEmail(email, true).get(0).getId();
    }

    @Test
    void onlyTheRightPeopleSeeAndChangeACustomerAccount() {
        register(A, "4400", "admin.a@foretaget.se");
        register(A, "4400", "user.a@foretaget.se");
        register(B, "3456", "admin.b@norr.se");
        register(A, "4400", "leaver.a@foretaget.se");
        realm.admin().clients().create(otherClient()).close();

        Api api = new Api(realm.getBaseUrl());
        String secret = "test-secret";
        String adminA = api.token("test-app", secret, "admin.a@foretaget.se", PASSWORD);
        String userAToken = api.token("test-app", secret, "user.a@foretaget.se", PASSWORD);
        String adminB = api.token("test-app", secret, "admin.b@norr.se", PASSWORD);
        String otherClient = api.token("other-app", null, "admin.a@foretaget.se", PASSWORD);
        String userA = userId("user.a@foretaget.se");
        String leaver = api.token("test-app", secret, "leaver.a@foretaget.se", PASSWORD);

        // Everyone who registers is Admin: Admin of A makes user.a a User first (the API under test).
        assertThat(api.call("PUT", "/customers/" + A + "/members/" + userA + "/role", adminA, Map.of("role", "User")).status()).isEqualTo(200);
        assertThat(api.call("PUT", "/customers/" + A + "/members/" + userId("leaver.a@foretaget.se") + "/role", adminA, Map.of("role", "User"))
                .status()).isEqualTo(200);

        String company = "/customers/" + A;
        String members = company + "/members";
        String role = members + "/" + userA + "/role";
        String invitations = company + "/invitations";
        Map<String, Object> invoiceEmail = Map.of("invoiceEmail", "faktura@foretaget.se");
        Map<String, Object> invitation = Map.of("email", "ny@foretaget.se", "role", "User", "redirectUri", oauth.getRedirectUri());

        // Anonymous and a client without the kundkonto scope: nothing.
        for (String[] call : new String[][] {{"GET", "/customers"}, {"GET", company}, {"PUT", company}, {"GET", members}, {"PUT", role},
                {"DELETE", members + "/" + userA}, {"GET", invitations}, {"POST", invitations}, {"DELETE", invitations + "/x"}}) {
            Object body = "POST".equals(call[0]) ? invitation
                    : "PUT".equals(call[0]) ? (call[1].endsWith("/role") ? Map.of("role", "Admin") : invoiceEmail) : null;
            assertThat(api.call(call[0], call[1], null, body).status()).as("anonymous " + call[0] + " " + call[1]).isEqualTo(401);
            Api.Reply other = api.call(call[0], call[1], otherClient, body);
            assertThat(other.status()).as("other client " + call[0] + " " + call[1]).isEqualTo(403);
            assertThat(other.object()).containsEntry("error", "insufficient_scope");
        }

        // My customer accounts: each sees only their own.
        assertThat(api.call("GET", "/customers", adminA, null).list()).extracting(c -> c.get("number")).containsExactly(A);
        assertThat(api.call("GET", "/customers", userAToken, null).list()).containsExactly(Map.of("number", A, "name", "Företaget AB", "role", "User"));
        assertThat(api.call("GET", "/customers", adminB, null).list()).extracting(c -> c.get("number")).containsExactly(B);

        // Reading A: its members may; Admin of B gets 404, exactly like a customer that does not exist.
        assertThat(api.call("GET", company, userAToken, null).status()).isEqualTo(200);
        assertThat(api.call("GET", company, adminA, null).object()).containsEntry("name", "Företaget AB").containsEntry("orgNumber", "112233-4400");
        Api.Reply foreign = api.call("GET", company, adminB, null);
        Api.Reply missing = api.call("GET", "/customers/99887766", adminB, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(api.call("GET", members, userAToken, null).list()).hasSize(3);
        assertThat(api.call("GET", members, adminB, null).status()).isEqualTo(404);

        // Changing A: its Admins only.
        assertThat(api.call("PUT", company, userAToken, invoiceEmail).status()).isEqualTo(403);
        assertThat(api.call("PUT", company, adminB, invoiceEmail).status()).isEqualTo(404);
        Api.Reply updated = api.call("PUT", company, adminA, Map.of("invoiceEmail", "faktura@foretaget.se", "invoicePostalCode", "12345"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.object()).containsEntry("invoiceEmail", "faktura@foretaget.se").containsEntry("invoicePostalCode", "123 45");
        assertThat(api.call("PUT", role, userAToken, Map.of("role", "Admin")).status()).isEqualTo(403);
        assertThat(api.call("PUT", role, adminB, Map.of("role", "Admin")).status()).isEqualTo(404);
        assertThat(api.call("DELETE", members + "/" + userId("admin.a@foretaget.se"), userAToken, null).status()).isEqualTo(403);
        assertThat(api.call("DELETE", members + "/" + userA, adminB, null).status()).isEqualTo(404);

        // Invitations: Admins of A only.
        assertThat(api.call("GET", invitations, userAToken, null).status()).isEqualTo(403);
        assertThat(api.call("POST", invitations, userAToken, invitation).status()).isEqualTo(403);
        assertThat(api.call("GET", invitations, adminB, null).status()).isEqualTo(404);
        assertThat(api.call("POST", invitations, adminB, invitation).status()).isEqualTo(404);
        Api.Reply invited = api.call("POST", invitations, adminA, invitation);
        assertThat(invited.status()).isEqualTo(201);
        String invitationId = (String) invited.object().get("id");
        assertThat(api.call("GET", invitations, adminA, null).list()).extracting(i -> i.get("email")).containsExactly("ny@foretaget.se");
        assertThat(api.call("DELETE", invitations + "/" + invitationId, userAToken, null).status()).isEqualTo(403);
        assertThat(api.call("DELETE", invitations + "/" + invitationId, adminB, null).status()).isEqualTo(404);
        assertThat(api.call("DELETE", invitations + "/" + invitationId, adminA, null).status()).isEqualTo(204);
        assertThat(api.call("DELETE", invitations + "/" + invitationId, adminA, null).status()).isEqualTo(404);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("email", "inte-en-adress", "role", "User"),
                Map.<String, Object>of("email", "ok@foretaget.se", "role", "Pending"),
                Map.<String, Object>of("email", "ok@foretaget.se", "role", "User", "redirectUri", "https://angripare.example/"))) {
            Api.Reply refused = api.call("POST", invitations, adminA, bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.object()).containsKeys("error", "error_description");
        }
        assertThat(api.call("GET", invitations, adminA, null).list()).isEmpty();

        // Bad input: a clear JSON error and nothing changed.
        Api.Reply badRole = api.call("PUT", role, adminA, Map.of("role", "Boss"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.object()).containsEntry("error", "invalid_role");
        Api.Reply badPostal = api.call("PUT", company, adminA, Map.of("invoiceEmail", "ny@foretaget.se", "invoicePostalCode", "abc"));
        assertThat(badPostal.status()).isEqualTo(400);
        assertThat(api.call("GET", company, adminA, null).object()).containsEntry("invoiceEmail", "faktura@foretaget.se");
        assertThat(api.call("PUT", company, adminA, Map.of("name", "Annat AB")).status()).isEqualTo(400);
        // Malformed or mistyped bodies: 400 with the API's error fields, never a 500.
        for (String[] hostile : new String[][] {{"PUT", company, "{\"invoiceCity\": "}, {"PUT", company, "[]"},
                {"PUT", company, "{\"invoiceCity\": 42}"}, {"PUT", company, "{\"invoiceCity\": \"A\u0000B\"}"},
                {"PUT", role, ""}, {"PUT", role, "{\"role\": [\"Admin\"]}"}, {"PUT", role, "{\"role\": \"User\", \"role\": \"Admin\"}"},
                {"POST", invitations, "not json"}, {"POST", invitations, "{\"email\": {}, \"role\": \"User\"}"}}) {
            Api.Reply refused = api.raw(hostile[0], hostile[1], adminA, hostile[2]);
            assertThat(refused.status()).as(hostile[0] + " " + hostile[2]).isEqualTo(400);
            assertThat(refused.object()).as(hostile[2]).containsKeys("error", "error_description");
        }
        assertThat(api.call("GET", company, adminA, null).object()).containsEntry("invoiceEmail", "faktura@foretaget.se");

        // The last Admin can be neither demoted nor removed.
        String adminAId = userId("admin.a@foretaget.se");
        Api.Reply demoteLast = api.call("PUT", members + "/" + adminAId + "/role", adminA, Map.of("role", "User"));
        assertThat(demoteLast.status()).isEqualTo(409);
        assertThat(demoteLast.object()).containsEntry("error", "last_admin");
        assertThat(api.call("DELETE", members + "/" + adminAId, adminA, null).status()).isEqualTo(409);

        // Any member may leave on their own (the last Admin may not); Admin of A removes the User.
        // Both are admin events with the customer number.
        assertThat(api.call("DELETE", "/customers/" + B + "/members/" + userId("admin.b@norr.se"), adminB, null).object())
                .containsEntry("error", "last_admin");
        assertThat(api.call("DELETE", members + "/" + userId("leaver.a@foretaget.se"), leaver, null).status()).isEqualTo(204);
        assertThat(api.call("GET", company, leaver, null).status()).isEqualTo(404);
        assertThat(api.call("DELETE", members + "/" + userA, adminA, null).status()).isEqualTo(204);
        assertThat(api.call("GET", members, adminA, null).list()).extracting(m -> m.get("id")).containsExactly(adminAId);
        assertThat(realm.admin().getAdminEvents()).anySatisfy(e -> {
            assertThat(e.getOperationType()).isEqualTo("DELETE");
            assertThat(e.getDetails()).containsEntry("kundkonto_customer_number", A).containsEntry("kundkonto_event", "member_removed");
        }).anySatisfy(e -> assertThat(e.getDetails()).containsEntry("kundkonto_event", "member_left"))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("kundkonto_event", "invited").containsEntry("kundkonto_role", "User"));
    }

    private static ClientRepresentation otherClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("other-app");
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setDefaultClientScopes(List.of("profile", "email", "basic", "roles", "web-origins", "acr"));
        return client;
    }
}
