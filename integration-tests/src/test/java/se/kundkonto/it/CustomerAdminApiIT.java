package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
    private static final String SYD = "04050607";
    private static final String BYGG = "05060708";
    private static final int SEEDED = 118;
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
        assertThat(api.call("PUT", "/customers/" + A + "/members/" + userA + "/role", adminA, Map.of("role", "User"))
                        .status())
                .isEqualTo(200);
        assertThat(api.call(
                                "PUT",
                                "/customers/" + A + "/members/" + userId("leaver.a@foretaget.se") + "/role",
                                adminA,
                                Map.of("role", "User"))
                        .status())
                .isEqualTo(200);

        String company = "/customers/" + A;
        String members = company + "/members";
        String role = members + "/" + userA + "/role";
        String invitations = company + "/invitations";
        Map<String, Object> invoiceEmail = Map.of("invoiceEmail", "faktura@foretaget.se");
        Map<String, Object> invitation =
                Map.of("email", "ny@foretaget.se", "role", "User", "redirectUri", oauth.getRedirectUri());

        // Anonymous and a client without the kundkonto scope: nothing.
        for (String[] call : new String[][] {
            {"GET", "/customers"},
            {"GET", company},
            {"PUT", company},
            {"GET", members},
            {"PUT", role},
            {"DELETE", members + "/" + userA},
            {"GET", invitations},
            {"POST", invitations},
            {"DELETE", invitations + "/x"}
        }) {
            Object body = "POST".equals(call[0])
                    ? invitation
                    : "PUT".equals(call[0])
                            ? (call[1].endsWith("/role") ? Map.of("role", "Admin") : invoiceEmail)
                            : null;
            assertThat(api.call(call[0], call[1], null, body).status())
                    .as("anonymous " + call[0] + " " + call[1])
                    .isEqualTo(401);
            Api.Reply other = api.call(call[0], call[1], otherClient, body);
            assertThat(other.status())
                    .as("other client " + call[0] + " " + call[1])
                    .isEqualTo(403);
            assertThat(other.object()).containsEntry("error", "insufficient_scope");
        }

        // My customer accounts: each sees only their own.
        assertThat(api.call("GET", "/customers", adminA, null).list())
                .extracting(c -> c.get("number"))
                .containsExactly(A);
        assertThat(api.call("GET", "/customers", userAToken, null).list())
                .containsExactly(Map.of("number", A, "name", "Företaget AB", "role", "User"));
        assertThat(api.call("GET", "/customers", adminB, null).list())
                .extracting(c -> c.get("number"))
                .containsExactly(B);

        // Reading A: its members may; Admin of B gets 404, exactly like a customer that does not exist.
        assertThat(api.call("GET", company, userAToken, null).status()).isEqualTo(200);
        assertThat(api.call("GET", company, adminA, null).object())
                .containsEntry("name", "Företaget AB")
                .containsEntry("orgNumber", "112233-4400");
        Api.Reply foreign = api.call("GET", company, adminB, null);
        Api.Reply missing = api.call("GET", "/customers/99887766", adminB, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(api.call("GET", members, userAToken, null).list()).hasSize(3);
        assertThat(api.call("GET", members, adminB, null).status()).isEqualTo(404);

        // Changing A: its Admins only.
        assertThat(api.call("PUT", company, userAToken, invoiceEmail).status()).isEqualTo(403);
        assertThat(api.call("PUT", company, adminB, invoiceEmail).status()).isEqualTo(404);
        Api.Reply updated = api.call(
                "PUT", company, adminA, Map.of("invoiceEmail", "faktura@foretaget.se", "invoicePostalCode", "12345"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.object())
                .containsEntry("invoiceEmail", "faktura@foretaget.se")
                .containsEntry("invoicePostalCode", "123 45");
        assertThat(api.call("PUT", role, userAToken, Map.of("role", "Admin")).status())
                .isEqualTo(403);
        assertThat(api.call("PUT", role, adminB, Map.of("role", "Admin")).status())
                .isEqualTo(404);
        assertThat(api.call("DELETE", members + "/" + userId("admin.a@foretaget.se"), userAToken, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.call("DELETE", members + "/" + userA, adminB, null).status())
                .isEqualTo(404);

        // Invitations: Admins of A only.
        assertThat(api.call("GET", invitations, userAToken, null).status()).isEqualTo(403);
        assertThat(api.call("POST", invitations, userAToken, invitation).status())
                .isEqualTo(403);
        assertThat(api.call("GET", invitations, adminB, null).status()).isEqualTo(404);
        assertThat(api.call("POST", invitations, adminB, invitation).status()).isEqualTo(404);
        Api.Reply invited = api.call("POST", invitations, adminA, invitation);
        assertThat(invited.status()).isEqualTo(201);
        String invitationId = (String) invited.object().get("id");
        assertThat(api.call("GET", invitations, adminA, null).list())
                .extracting(i -> i.get("email"))
                .containsExactly("ny@foretaget.se");
        assertThat(api.call("DELETE", invitations + "/" + invitationId, userAToken, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.call("DELETE", invitations + "/" + invitationId, adminB, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.call("DELETE", invitations + "/" + invitationId, adminA, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.call("DELETE", invitations + "/" + invitationId, adminA, null)
                        .status())
                .isEqualTo(404);
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("email", "inte-en-adress", "role", "User"),
                Map.<String, Object>of("email", "ok@foretaget.se", "role", "Pending"),
                Map.<String, Object>of(
                        "email", "ok@foretaget.se", "role", "User", "redirectUri", "https://angripare.example/"))) {
            Api.Reply refused = api.call("POST", invitations, adminA, bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.object()).containsKeys("error", "error_description");
        }
        assertThat(api.call("GET", invitations, adminA, null).list()).isEmpty();

        // Bad input: a clear JSON error and nothing changed.
        Api.Reply badRole = api.call("PUT", role, adminA, Map.of("role", "Boss"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.object()).containsEntry("error", "invalid_role");
        Api.Reply badPostal =
                api.call("PUT", company, adminA, Map.of("invoiceEmail", "ny@foretaget.se", "invoicePostalCode", "abc"));
        assertThat(badPostal.status()).isEqualTo(400);
        assertThat(api.call("GET", company, adminA, null).object())
                .containsEntry("invoiceEmail", "faktura@foretaget.se");
        assertThat(api.call("PUT", company, adminA, Map.of("name", "Annat AB")).status())
                .isEqualTo(400);
        // Malformed or mistyped bodies: 400 with the API's error fields, never a 500.
        for (String[] hostile : new String[][] {
            {"PUT", company, "{\"invoiceCity\": "},
            {"PUT", company, "[]"},
            {"PUT", company, "{\"invoiceCity\": 42}"},
            {"PUT", company, "{\"invoiceCity\": \"A\u0000B\"}"},
            {"PUT", role, ""},
            {"PUT", role, "{\"role\": [\"Admin\"]}"},
            {"PUT", role, "{\"role\": \"User\", \"role\": \"Admin\"}"},
            {"POST", invitations, "not json"},
            {"POST", invitations, "{\"email\": {}, \"role\": \"User\"}"}
        }) {
            Api.Reply refused = api.raw(hostile[0], hostile[1], adminA, hostile[2]);
            assertThat(refused.status()).as(hostile[0] + " " + hostile[2]).isEqualTo(400);
            assertThat(refused.object()).as(hostile[2]).containsKeys("error", "error_description");
        }
        assertThat(api.call("GET", company, adminA, null).object())
                .containsEntry("invoiceEmail", "faktura@foretaget.se");

        // The last Admin can be neither demoted nor removed.
        String adminAId = userId("admin.a@foretaget.se");
        Api.Reply demoteLast = api.call("PUT", members + "/" + adminAId + "/role", adminA, Map.of("role", "User"));
        assertThat(demoteLast.status()).isEqualTo(409);
        assertThat(demoteLast.object()).containsEntry("error", "last_admin");
        assertThat(api.call("DELETE", members + "/" + adminAId, adminA, null).status())
                .isEqualTo(409);

        // Any member may leave on their own (the last Admin may not); Admin of A removes the User.
        // Both are admin events with the customer number.
        assertThat(api.call("DELETE", "/customers/" + B + "/members/" + userId("admin.b@norr.se"), adminB, null)
                        .object())
                .containsEntry("error", "last_admin");
        assertThat(api.call("DELETE", members + "/" + userId("leaver.a@foretaget.se"), leaver, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.call("GET", company, leaver, null).status()).isEqualTo(404);
        assertThat(api.call("DELETE", members + "/" + userA, adminA, null).status())
                .isEqualTo(204);
        assertThat(api.call("GET", members, adminA, null).list())
                .extracting(m -> m.get("id"))
                .containsExactly(adminAId);
        assertThat(realm.admin().getAdminEvents())
                .anySatisfy(e -> {
                    assertThat(e.getOperationType()).isEqualTo("DELETE");
                    assertThat(e.getDetails())
                            .containsEntry("kundkonto_customer_number", A)
                            .containsEntry("kundkonto_event", "member_removed");
                })
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("kundkonto_event", "member_left"))
                .anySatisfy(e -> assertThat(e.getDetails())
                        .containsEntry("kundkonto_event", "invited")
                        .containsEntry("kundkonto_role", "User"));
    }

    @Test
    void aLongMemberListIsPagedAndSearchedOnTheServer() {
        register(SYD, "7652", "chef@syd.se");
        register(SYD, "7652", "kollega@syd.se");
        register(BYGG, "2227", "utomstaende@bygg.se");
        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        var syd = admin.byCustomerNumber(SYD).orElseThrow();
        var template = admin.userByEmail("kollega@syd.se").orElseThrow();
        // 118 more, in role User: more than one page of the default 100.
        new MemberSeed(realm.admin())
                .add(
                        syd,
                        SEEDED,
                        i -> i == 0
                                ? MemberSeed.person("under_score@syd.se", "Medlem", "Understreck", template)
                                : MemberSeed.person(
                                        String.format("m%03d@syd.se", i),
                                        "Medlem",
                                        String.format("Nr%03d", i),
                                        template));
        int total = SEEDED + 2;

        Api api = new Api(realm.getBaseUrl());
        String chef = api.token("test-app", "test-secret", "chef@syd.se", PASSWORD);
        String members = "/customers/" + SYD + "/members";

        // Default page: the first 100 by e-mail, the total in the header.
        Api.Reply first = api.call("GET", members, chef, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Total-Count")).isEqualTo(String.valueOf(total));
        List<String> page1 = emails(first);
        assertThat(page1).hasSize(100).isSorted().startsWith("chef@syd.se", "kollega@syd.se", "m001@syd.se");
        Api.Reply second = api.call("GET", members + Api.query("first", "100"), chef, null);
        assertThat(second.header("X-Total-Count")).isEqualTo(String.valueOf(total));
        assertThat(emails(second))
                .hasSize(total - 100)
                .isSorted()
                .doesNotContainAnyElementsOf(page1)
                .endsWith("under_score@syd.se");
        // Paging in small steps gives everyone exactly once, in the same order as one big page (max above 500 is 500).
        List<String> stepped = new java.util.ArrayList<>();
        for (int from = 0; from < total; from += 7) {
            stepped.addAll(emails(
                    api.call("GET", members + Api.query("first", String.valueOf(from), "max", "7"), chef, null)));
        }
        Api.Reply all = api.call("GET", members + Api.query("max", "100000"), chef, null);
        assertThat(emails(all)).hasSize(total).isEqualTo(stepped);
        assertThat(api.call("GET", members + Api.query("first", "2147483647"), chef, null))
                .satisfies(r -> assertThat(r.list()).isEmpty())
                .satisfies(r -> assertThat(r.header("X-Total-Count")).isEqualTo(String.valueOf(total)));

        // Search: part of the e-mail or of the name, any case; LIKE's wildcards are plain characters.
        assertThat(emails(api.call("GET", members + Api.query("search", "CHEF@"), chef, null)))
                .containsExactly("chef@syd.se");
        Api.Reply named = api.call("GET", members + Api.query("search", "medlem nr00"), chef, null);
        assertThat(emails(named)).hasSize(9).allMatch(e -> e.matches("m00[1-9]@syd\\.se"));
        assertThat(named.header("X-Total-Count")).isEqualTo("9");
        assertThat(emails(api.call("GET", members + Api.query("search", "nr11", "max", "3", "first", "1"), chef, null)))
                .containsExactly("m111@syd.se", "m112@syd.se", "m113@syd.se");
        assertThat(emails(api.call("GET", members + Api.query("search", "_"), chef, null)))
                .containsExactly("under_score@syd.se");
        for (String nothing :
                List.of("%", "%%", "\\", "' or '1'='1", "\"; drop table USER_ENTITY; --", "*", "m%1", "Ω≈ç√")) {
            Api.Reply found = api.call("GET", members + Api.query("search", nothing), chef, null);
            assertThat(found.status()).as(nothing).isEqualTo(200);
            assertThat(found.list()).as(nothing).isEmpty();
            assertThat(found.header("X-Total-Count")).as(nothing).isEqualTo("0");
        }
        // By role: the two who registered are Admins, the seeded ones Users; nobody waits.
        assertThat(emails(api.call("GET", members + Api.query("role", "Admin"), chef, null)))
                .containsExactly("chef@syd.se", "kollega@syd.se");
        assertThat(api.call("GET", members + Api.query("role", "User", "max", "1"), chef, null)
                        .header("X-Total-Count"))
                .isEqualTo(String.valueOf(SEEDED));
        assertThat(api.call("GET", members + Api.query("role", "Pending"), chef, null)
                        .list())
                .isEmpty();
        assertThat(api.call("GET", members + Api.query("role", "User", "search", "kollega"), chef, null)
                        .list())
                .isEmpty();

        // Hostile parameters: 400 with the API's error fields, never a 500 or a 404.
        String[][] hostile = {
            {"first", "-1", "invalid_first"},
            {"first", "abc", "invalid_first"},
            {"first", "1e3", "invalid_first"},
            {"first", "99999999999", "invalid_first"},
            {"first", " 1", "invalid_first"},
            {"max", "0", "invalid_max"},
            {"max", "-5", "invalid_max"},
            {"max", "10.0", "invalid_max"},
            {"max", "9".repeat(40), "invalid_max"},
            {"search", "a".repeat(101), "invalid_search"},
            {"search", "%".repeat(10_240), "invalid_search"},
            {"role", "Boss", "invalid_role"},
            {"role", "admin", "invalid_role"}
        };
        for (String[] bad : hostile) {
            Api.Reply refused = api.call("GET", members + Api.query(bad[0], bad[1]), chef, null);
            assertThat(refused.status())
                    .as(bad[0] + "=" + bad[1].substring(0, Math.min(20, bad[1].length())))
                    .isEqualTo(400);
            assertThat(refused.object()).containsEntry("error", bad[2]).containsKey("error_description");
            assertThat(refused.header("X-Total-Count")).isNull();
        }

        // Control characters do not even reach the API: Keycloak refuses them in query parameters itself (400).
        Api.Reply nul = api.call("GET", members + Api.query("search", "a\u0000b"), chef, null);
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.header("X-Total-Count")).isNull();

        // My customer accounts ("Mina kundkonton"): searched by company name or customer number, paged, the same rules.
        String customers = "/customers";
        assertThat(api.call("GET", customers + Api.query("search", "SYD"), chef, null))
                .satisfies(r -> {
                    assertThat(r.list()).extracting(c -> c.get("number")).containsExactly(SYD);
                    assertThat(r.header("X-Total-Count")).isEqualTo("1");
                });
        assertThat(api.call("GET", customers + Api.query("search", "0506"), chef, null)
                        .list())
                .extracting(c -> c.get("number"))
                .containsExactly(SYD);
        assertThat(api.call("GET", customers + Api.query("first", "1", "max", "1"), chef, null))
                .satisfies(r -> {
                    assertThat(r.list()).isEmpty();
                    assertThat(r.header("X-Total-Count")).isEqualTo("1");
                });
        for (String nothing : List.of("%", "_", "' or '1'='1", "Bygg")) {
            Api.Reply found = api.call("GET", customers + Api.query("search", nothing), chef, null);
            assertThat(found.list()).as(nothing).isEmpty();
            assertThat(found.header("X-Total-Count")).as(nothing).isEqualTo("0");
        }
        for (String[] bad : Arrays.copyOf(hostile, hostile.length - 2)) { // no role filter on this list
            Api.Reply refused = api.call("GET", customers + Api.query(bad[0], bad[1]), chef, null);
            assertThat(refused.status()).as("customers " + bad[0]).isEqualTo(400);
            assertThat(refused.object()).containsEntry("error", bad[2]).containsKey("error_description");
        }

        // Another account's list stays out of reach, whatever the parameters: 404 as before, nothing counted.
        String outsider = api.token("test-app", "test-secret", "utomstaende@bygg.se", PASSWORD);
        for (String query : List.of(
                "",
                Api.query("first", "0", "max", "500"),
                Api.query("search", "a", "role", "Admin"),
                Api.query("first", "-1"))) {
            Api.Reply refused = api.call("GET", members + query, outsider, null);
            assertThat(refused.status()).as(query).isEqualTo(404);
            assertThat(refused.header("X-Total-Count")).isNull();
        }
        assertThat(api.call("GET", "/customers/" + BYGG + "/members" + Api.query("max", "500"), chef, null)
                        .status())
                .isEqualTo(404);
        // A User of the account reads the list like any member, but still changes nothing.
        String kollega = admin.userByEmail("kollega@syd.se").orElseThrow().getId();
        assertThat(api.call("PUT", members + "/" + kollega + "/role", chef, Map.of("role", "User"))
                        .status())
                .isEqualTo(200);
        String user = api.token("test-app", "test-secret", "kollega@syd.se", PASSWORD);
        assertThat(api.call("GET", members + Api.query("search", "chef"), user, null)
                        .list())
                .extracting(m -> m.get("role"))
                .containsExactly("Admin");
        assertThat(api.call("GET", "/customers/" + BYGG + "/members", user, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.call(
                                "DELETE",
                                members + "/"
                                        + admin.userByEmail("m001@syd.se")
                                                .orElseThrow()
                                                .getId(),
                                user,
                                null)
                        .status())
                .isEqualTo(403);
    }

    private static List<String> emails(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list().stream().map(m -> (String) m.get("email")).toList();
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
