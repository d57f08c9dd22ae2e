package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm admins' uptake report, {@code /realms/{realm}/kundkonto/admin/uptake}: what it counts as people
 * register, who may read it (by role, from every client), what bad input gets, reads racing first claims,
 * and a realm with a thousand customer accounts. On H2 and on PostgreSQL (where the registry also gets
 * 2,000 extra customers, half of them claimed).
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class UptakeReportIT {

    private static final String A = "01020304";
    private static final String B = "02030405";
    private static final String SOLE_TRADER = "03040506";
    private static final String SYD = "04050607";
    private static final String BYGG = "05060708";
    private static final String INACTIVE = "01020305";
    private static final String PASSWORD = "Uptake2026!secret";
    private static final String REPORT = "/admin/uptake";
    private static final String PORTAL = "mina-sidor";
    private static final String PORTAL_SECRET = "mina-sidor-demo-secret";
    private static final String PORTAL_URL = "http://localhost:3000/";
    private static final String APP = "kund-app";
    private static final String APP_CALLBACK = "se.kundportal.app:/oauth2redirect";
    /** Keycloak's own answer to a query parameter with control characters, before the pack sees it: also a 400. */
    private static final String BLOCKED = "Blocking invalid query parameter value";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-uptake");
        }
    }

    /** A new realm for each test: each counts from an empty realm (the registry is the server's, shared). */
    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectAdminClient
    Keycloak adminClient;

    private Api api() {
        return new Api(realm.getBaseUrl());
    }

    private void register(String customer, String digits, String email) {
        new HttpRegistration(realm, mail).register(customer, digits, email, PASSWORD);
    }

    private String staff(String email, String... roles) {
        return RealmStaff.create(realm, email, PASSWORD, roles);
    }

    /** A token as the report page gets it: its own public client, PKCE. */
    private String staffToken(String email) {
        return RealmStaff.reportToken(realm, email, PASSWORD);
    }

    /** A public client with password grants and every role in scope, as a realm's own tools might have. */
    private String toolToken(String email) {
        if (realm.admin().clients().findByClientId("verktyg").isEmpty()) {
            ClientRepresentation tool = new ClientRepresentation();
            tool.setClientId("verktyg");
            tool.setPublicClient(true);
            tool.setDirectAccessGrantsEnabled(true);
            tool.setFullScopeAllowed(true);
            realm.admin().clients().create(tool).close();
        }
        return api().token("verktyg", null, email, PASSWORD);
    }

    /** The same report in Keycloak's admin API. */
    private Api.Reply admin(String path, String token) {
        return api().absolute(
                        "GET",
                        "http://localhost:8080/admin/realms/" + realm.getName() + "/kundkonto-uptake" + path,
                        token);
    }

    private Map<String, Object> summary(String token) {
        Api.Reply reply = api().call("GET", REPORT, token, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        return reply.object();
    }

    private static long count(Map<String, Object> summary, String field) {
        return ((Number) summary.get(field)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> numbers(Api.Reply page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) page.object().get("customers"))
                .stream().map(c -> (String) c.get("customerNumber")).toList();
    }

    /** Every page, {@code max} at a time, following {@code next}. */
    private List<String> allUnclaimed(String token, String search, int max) {
        List<String> all = new ArrayList<>();
        String after = "";
        do {
            Api.Reply page = api().call(
                            "GET",
                            REPORT + "/unclaimed"
                                    + Api.query("search", search, "after", after, "max", String.valueOf(max)),
                            token,
                            null);
            List<String> numbers = numbers(page);
            assertThat(numbers.size()).isLessThanOrEqualTo(max);
            all.addAll(numbers);
            after = (String) page.object().get("next");
        } while (after != null);
        return all;
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
    }

    @Test
    void theReportCountsWhatMovedAndListsWhoIsLeft() {
        staff("kundtjanst@bolaget.se", "view-users");
        String staff = staffToken("kundtjanst@bolaget.se");

        Map<String, Object> before = summary(staff);
        assertThat(count(before, "customerAccounts")).isZero();
        assertThat(count(before, "members")).isZero();
        assertThat(count(before, "registryCustomers")).isGreaterThanOrEqualTo(6);
        assertThat(count(before, "activeRegistryCustomers"))
                .isEqualTo(count(before, "activeCustomersWithoutMembers"))
                .isLessThan(count(before, "registryCustomers"));
        assertThat(before.get("timeZone")).isEqualTo("Europe/Stockholm");
        assertThat(before.get("firstClaimsPerDay")).asList().isEmpty();
        assertThat(allUnclaimed(staff, "", 100))
                .contains(A, B, SOLE_TRADER, SYD, BYGG)
                .doesNotContain(INACTIVE);

        // Two people of A, both Admin (the realm's policy); one of B, two days ago by the server's clock.
        register(A, "4400", "forsta@foretaget.se");
        register(A, "4400", "andra@foretaget.se");
        try (ServerClock past = ServerClock.shiftedBy(-2 * 86_400)) {
            register(B, "3456", "chef@norr.se");
        }
        // A realm admin's own organization for BYGG, without members: an account, not a claim.
        OrganizationRepresentation bygg = new OrganizationRepresentation();
        bygg.setName("Byggservice (manuell)");
        bygg.setAlias(BYGG);
        OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
        domain.setName("bygg.example");
        bygg.addDomain(domain);
        realm.admin().organizations().create(bygg).close();

        Map<String, Object> after = summary(staff);
        assertThat(count(after, "customerAccounts")).isEqualTo(3);
        assertThat(count(after, "customerAccountsWithMembers")).isEqualTo(2);
        assertThat(count(after, "registryCustomersWithMembers")).isEqualTo(2);
        assertThat(count(after, "activeCustomersWithMembers")).isEqualTo(2);
        assertThat(count(after, "activeCustomersWithoutMembers"))
                .isEqualTo(count(before, "activeCustomersWithoutMembers") - 2);
        assertThat(count(after, "registryCustomers")).isEqualTo(count(before, "registryCustomers"));
        assertThat(count(after, "members")).isEqualTo(3);
        assertThat(count(after, "admins")).isEqualTo(3);
        String twoDaysAgo = LocalDate.parse(today()).minusDays(2).toString();
        assertThat(after.get("firstClaimsPerDay"))
                .isEqualTo(List.of(Map.of("date", twoDaysAgo, "count", 1), Map.of("date", today(), "count", 1)));
        Map<String, Object> oneDay =
                api().call("GET", REPORT + "?days=1", staff, null).object();
        assertThat(oneDay.get("firstClaimsPerDay")).isEqualTo(List.of(Map.of("date", today(), "count", 1)));
        assertThat(oneDay.get("firstClaimsSince")).isEqualTo(today());

        // Demoted: one Admin fewer, the same members. Waiting for approval: not a member who counts.
        String portal = new ClientLogin(realm.getBaseUrl())
                .login(new PlainHttp(), PORTAL, PORTAL_SECRET, PORTAL_URL, "forsta@foretaget.se", PASSWORD)
                .raw();
        String andra = realm.admin()
                .users()
                .searchByEmail("andra@foretaget.se", true)
                .get(0)
                .getId();
        assertThat(api().call("PUT", "/customers/" + A + "/members/" + andra + "/role", portal, Map.of("role", "User"))
                        .status())
                .isEqualTo(200);
        String waiting = staff("vantar@norr.se");
        String norr = realm.admin()
                .organizations()
                .search("Sopbolaget i Norr AB", true, 0, 1)
                .get(0)
                .getId();
        realm.admin().organizations().get(norr).members().addMember(waiting).close();
        String pending = realm.admin()
                .organizations()
                .get(norr)
                .groups()
                .getGroupByPath("Pending", false)
                .getId();
        realm.admin().organizations().get(norr).groups().group(pending).addMember(waiting);
        Map<String, Object> changed = summary(staff);
        assertThat(count(changed, "admins")).isEqualTo(2);
        assertThat(count(changed, "members")).isEqualTo(3);

        // Who is left: the active ones nobody uses, by number, searchable (wildcards taken literally).
        List<String> left = allUnclaimed(staff, "", 100);
        assertThat(left)
                .contains(SOLE_TRADER, SYD, BYGG)
                .doesNotContain(A, B, INACTIVE)
                .isSorted();
        assertThat(left).hasSize((int) count(changed, "activeCustomersWithoutMembers"));
        assertThat(allUnclaimed(staff, "", 1)).isEqualTo(left);
        assertThat(allUnclaimed(staff, "SYD", 100)).containsExactly(SYD);
        assertThat(allUnclaimed(staff, "0304", 100))
                .contains(SOLE_TRADER)
                .doesNotContain(A, B, SYD, BYGG); // part of a number
        assertThat(allUnclaimed(staff, "Företaget", 100)).isEmpty();
        assertThat(allUnclaimed(staff, "%", 100)).isEmpty();
        assertThat(allUnclaimed(staff, "_", 100)).isEmpty();
        assertThat(allUnclaimed(staff, "' or 1=1 --", 100)).isEmpty();

        // The same as CSV, for a spreadsheet: a header, the same customers, an attachment that is not cached.
        Api.Reply csv = api().call("GET", REPORT + "/unclaimed.csv", staff, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .matches("attachment; filename=\"kundkonto-unclaimed-kundportal-uptake-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("customer_number,company_name");
        assertThat(lines.subList(1, lines.size()).stream()
                        .map(l -> l.split(",", 2)[0])
                        .toList())
                .isEqualTo(left);
        assertThat(lines).contains(SYD + ",Återvinning Syd AB");
        assertThat(csv.body())
                .doesNotContain("556098-7652")
                .doesNotContain("19800101"); // no organisation (or personal) numbers
        assertThat(api().call("GET", REPORT + "/unclaimed.csv" + Api.query("search", "syd"), staff, null)
                        .body())
                .isEqualTo("customer_number,company_name\r\n" + SYD + ",Återvinning Syd AB\r\n");

        // A disabled user may use nothing: B's only member disabled (the other waits), B is left to move again.
        UserRepresentation chef =
                realm.admin().users().searchByEmail("chef@norr.se", true).get(0);
        chef.setEnabled(false);
        realm.admin().users().get(chef.getId()).update(chef);
        Map<String, Object> disabled = summary(staff);
        assertThat(count(disabled, "customerAccountsWithMembers")).isEqualTo(1);
        assertThat(count(disabled, "members")).isEqualTo(2);
        assertThat(count(disabled, "activeCustomersWithoutMembers"))
                .isEqualTo(count(changed, "activeCustomersWithoutMembers") + 1);
        assertThat(allUnclaimed(staff, "", 100)).contains(B);
    }

    @Test
    void onlyPeopleWhoMayViewUsersReadIt() {
        register(SYD, "7652", "kundadmin@syd.se");
        staff("tittare@bolaget.se", "view-users");
        staff("forvaltare@bolaget.se", "manage-users");
        staff("realminfo@bolaget.se", "view-realm");
        Api api = api();
        ClientLogin login = new ClientLogin(realm.getBaseUrl());
        String reportPage = RealmStaff.reportPage(realm);

        // The customer Admin, from every client that can reach the API: never the report.
        Map<String, String> customerAdmin = Map.of(
                "portal (confidential)",
                        login.login(new PlainHttp(), PORTAL, PORTAL_SECRET, PORTAL_URL, "kundadmin@syd.se", PASSWORD)
                                .raw(),
                "app (public, PKCE)",
                        login.login(new PlainHttp(), APP, null, APP_CALLBACK, "kundadmin@syd.se", PASSWORD)
                                .raw(),
                "account console",
                        login.login(
                                        new PlainHttp(),
                                        "account-console",
                                        null,
                                        realm.getBaseUrl() + "/account/",
                                        "kundadmin@syd.se",
                                        PASSWORD)
                                .raw(),
                "report page's own client",
                        login.login(
                                        new PlainHttp(),
                                        "kundkonto-uptake-report",
                                        null,
                                        reportPage,
                                        "kundadmin@syd.se",
                                        PASSWORD)
                                .raw(),
                "password grant, every role in scope", toolToken("kundadmin@syd.se"));
        String viewRealmOnly = toolToken("realminfo@bolaget.se");
        String masterAdmin = adminClient.tokenManager().getAccessTokenString();
        // A token of a client with only its own roles in scope does not carry view-users, even for a person who has it.
        ClientRepresentation narrow = new ClientRepresentation();
        narrow.setClientId("smal-klient");
        narrow.setPublicClient(true);
        narrow.setDirectAccessGrantsEnabled(true);
        narrow.setFullScopeAllowed(false);
        realm.admin().clients().create(narrow).close();
        String narrowToken = api.token("smal-klient", null, "tittare@bolaget.se", PASSWORD);

        for (String path : List.of(REPORT, REPORT + "/unclaimed", REPORT + "/unclaimed.csv")) {
            assertThat(api.call("GET", path, null, null).status())
                    .as("anonymous %s", path)
                    .isEqualTo(401);
            assertThat(api.call("GET", path, "not.a.token", null).status())
                    .as("garbage %s", path)
                    .isEqualTo(401);
            assertThat(api.call("GET", path, masterAdmin, null).status())
                    .as("master realm's token %s", path)
                    .isEqualTo(401);
            // In Keycloak's admin API it is the other way round: the master admin may, the customer Admin may not.
            String adminPath = path.substring(REPORT.length());
            assertThat(admin(adminPath, masterAdmin).status())
                    .as("admin API, master admin %s", path)
                    .isEqualTo(200);
            assertThat(admin(adminPath, null).status())
                    .as("admin API, anonymous %s", path)
                    .isEqualTo(401);
            assertThat(admin(adminPath, customerAdmin.get("portal (confidential)"))
                            .status())
                    .as("admin API, customer Admin %s", path)
                    .isEqualTo(403);
            for (Map.Entry<String, String> token : customerAdmin.entrySet()) {
                Api.Reply refused = api.call("GET", path, token.getValue(), null);
                assertThat(refused.status())
                        .as("customer Admin via %s: %s", token.getKey(), path)
                        .isEqualTo(403);
                assertThat(refused.object()).containsEntry("error", "insufficient_permission");
                assertThat(refused.body()).doesNotContain(SYD);
            }
            assertThat(api.call("GET", path, viewRealmOnly, null).status())
                    .as("view-realm only %s", path)
                    .isEqualTo(403);
            assertThat(api.call("GET", path, narrowToken, null).status())
                    .as("view-users not in the client's scope %s", path)
                    .isEqualTo(403);

            assertThat(api.call("GET", path, toolToken("tittare@bolaget.se"), null)
                            .status())
                    .as("view-users %s", path)
                    .isEqualTo(200);
            assertThat(api.call("GET", path, toolToken("forvaltare@bolaget.se"), null)
                            .status())
                    .as("manage-users %s", path)
                    .isEqualTo(200);
            String pageToken = login.login(
                            new PlainHttp(),
                            "kundkonto-uptake-report",
                            null,
                            reportPage,
                            "tittare@bolaget.se",
                            PASSWORD)
                    .raw();
            assertThat(api.call("GET", path, pageToken, null).status())
                    .as("the report page's client %s", path)
                    .isEqualTo(200);
        }
        assertThat(admin("/page", masterAdmin).status())
                .isEqualTo(404); // the page signs in to the realm, so it lives there only
        assertThat(admin("", masterAdmin).body())
                .isEqualTo(api.call("GET", REPORT, toolToken("tittare@bolaget.se"), null)
                        .body());
        // Its own client carries view-users and nothing else: the customer API (scope kundkonto) refuses its token.
        String pageToken = login.login(
                        new PlainHttp(), "kundkonto-uptake-report", null, reportPage, "kundadmin@syd.se", PASSWORD)
                .raw();
        assertThat(api.call("GET", "/customers", pageToken, null).status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400ThatSaysWhichParameter() {
        staff("granskare@bolaget.se", "view-users");
        String staff = staffToken("granskare@bolaget.se");
        for (String days : List.of("0", "-1", "3661", "abc", "1e3", "1.5", " 7", "99999999999", "%00", "７")) {
            Api.Reply reply = api().call("GET", REPORT + Api.query("days", days), staff, null);
            assertThat(reply.status()).as("days=%s", days).isEqualTo(400);
            assertThat(reply.object()).containsEntry("error", "invalid_days");
        }
        assertThat(api().call("GET", REPORT + Api.query("days", "3660"), staff, null)
                        .status())
                .isEqualTo(200);
        for (String max : List.of("0", "-1", "abc", "1e3", "99999999999")) {
            Api.Reply reply = api().call("GET", REPORT + "/unclaimed" + Api.query("max", max), staff, null);
            assertThat(reply.status()).as("max=%s", max).isEqualTo(400);
            assertThat(reply.object()).containsEntry("error", "invalid_max");
        }
        assertThat(api().call("GET", REPORT + "/unclaimed" + Api.query("max", "100000"), staff, null)
                        .status())
                .isEqualTo(200);
        for (String after : List.of("' or 1=1 --", "../../etc", "1234567890123", "0102 0304", "ö", "%", "a\u0000")) {
            Api.Reply reply = api().call("GET", REPORT + "/unclaimed" + Api.query("after", after), staff, null);
            assertThat(reply.status()).as("after=%s", after).isEqualTo(400);
            assertThat(reply.object().get("error")).isIn("invalid_after", BLOCKED);
        }
        for (String search : List.of("x".repeat(101), "x".repeat(10_000), "a\u0000b", "a\nb", "\u001b[31m")) {
            for (String path : List.of("/unclaimed", "/unclaimed.csv")) {
                Api.Reply reply = api().call("GET", REPORT + path + Api.query("search", search), staff, null);
                assertThat(reply.status())
                        .as("search=%s on %s", search.length() > 20 ? search.length() + " chars" : search, path)
                        .isEqualTo(400);
                assertThat(reply.object().get("error")).isIn("invalid_search", BLOCKED);
            }
        }
        for (String search : List.of(
                "'; drop table customer_registry; --",
                "\u202eAB",
                "<script>alert(1)</script>",
                "${jndi:ldap://x}",
                "🙂")) {
            Api.Reply reply = api().call("GET", REPORT + "/unclaimed" + Api.query("search", search), staff, null);
            assertThat(reply.status()).as("search=%s", search).isEqualTo(200);
            assertThat(numbers(reply)).isEmpty();
        }
        assertThat(api().call("POST", REPORT, staff, Map.of()).status()).isEqualTo(405); // a report only reads
        assertThat(api().call("DELETE", REPORT + "/unclaimed", staff, null).status())
                .isEqualTo(405);
    }

    @Test
    void readsRacingFirstClaimsAllAnswerAndTheCountsEndRight() throws Exception {
        staff("racer@bolaget.se", "view-users");
        String staff = staffToken("racer@bolaget.se");
        long without = count(summary(staff), "activeCustomersWithoutMembers");
        int rounds = 3;
        int readers = 6;
        String[][] claims = {{A, "4400"}, {B, "3456"}, {SYD, "7652"}};
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        try {
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier start = new CyclicBarrier(readers + 1);
                String[] claim = claims[round];
                String email = "racer" + round + "@" + claim[0] + ".se";
                List<Future<Integer>> reads = new ArrayList<>();
                for (int r = 0; r < readers; r++) {
                    String path = r % 3 == 0 ? REPORT : r % 3 == 1 ? REPORT + "/unclaimed" : REPORT + "/unclaimed.csv";
                    reads.add(pool.submit(() -> {
                        start.await();
                        return api().call("GET", path, staff, null).status();
                    }));
                }
                Future<?> registered = pool.submit(() -> {
                    start.await();
                    register(claim[0], claim[1], email);
                    return null;
                });
                registered.get();
                for (Future<Integer> read : reads) {
                    assertThat(read.get()).as("round %d", round).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> after = summary(staff);
        assertThat(count(after, "activeCustomersWithoutMembers")).isEqualTo(without - rounds);
        assertThat(count(after, "customerAccountsWithMembers")).isEqualTo(rounds);
        assertThat(allUnclaimed(staff, "", 100)).doesNotContain(A, B, SYD);
    }

    /**
     * A thousand customer accounts with members in the realm (and, on PostgreSQL, 2,000 more registry customers,
     * half of them claimed): the counts and the list stay right, and the time is printed against the small case.
     */
    @Test
    void aThousandCustomerAccountsAreCountedAndSkipped() throws Exception {
        staff("storskala@bolaget.se", "view-users");
        String staff = staffToken("storskala@bolaget.se");
        register(BYGG, "2227", "skala@bygg.se");
        long smallMs = medianMillis(() -> summary(staff));
        Map<String, Object> small = summary(staff);

        boolean postgres = RegistryDatabase.isPostgres();
        List<String> extra = IntStream.range(0, 2_000)
                .mapToObj(i -> String.format("66%08d", i))
                .toList();
        if (postgres) {
            insertRegistryCustomers(extra);
        }
        try {
            StringBuilder accounts = new StringBuilder();
            for (int i = 0; i < 1_000; i++) {
                // On PostgreSQL the first half of the extra registry customers; on H2 numbers the registry lacks.
                String number = postgres ? extra.get(i) : String.format("65%08d", i);
                accounts.append(number).append(";Skalkund ").append(number).append(" AB\n");
            }
            seedMemberships("skala@bygg.se", accounts.toString());
            long largeMs = medianMillis(() -> summary(staff));
            Map<String, Object> large = summary(staff);
            assertThat(count(large, "customerAccounts")).isEqualTo(count(small, "customerAccounts") + 1_000);
            assertThat(count(large, "customerAccountsWithMembers"))
                    .isEqualTo(count(small, "customerAccountsWithMembers") + 1_000);
            assertThat(count(large, "members")).isEqualTo(count(small, "members"));
            assertThat(large.get("firstClaimsPerDay"))
                    .isEqualTo(small.get("firstClaimsPerDay")); // seeded by hand, not claimed
            if (postgres) {
                assertThat(count(large, "registryCustomers")).isEqualTo(count(small, "registryCustomers") + 2_000);
                assertThat(count(large, "registryCustomersWithMembers"))
                        .isEqualTo(count(small, "registryCustomersWithMembers") + 1_000);
                assertThat(count(large, "activeCustomersWithoutMembers"))
                        .isEqualTo(count(small, "activeCustomersWithoutMembers") + 1_000);
                long pageStart = System.nanoTime();
                List<String> left = allUnclaimed(staff, "660000", 500);
                long pageMs = (System.nanoTime() - pageStart) / 1_000_000;
                assertThat(left)
                        .isEqualTo(extra.subList(1_000, 2_000).stream()
                                .filter(n -> n.contains("660000"))
                                .toList());
                List<String> all = allUnclaimed(staff, "", 500);
                assertThat(all)
                        .containsAll(extra.subList(1_000, 2_000))
                        .doesNotContainAnyElementsOf(extra.subList(0, 1_000));
                assertThat(new HashSet<>(all)).hasSameSizeAs(all);
                Api.Reply csv = api().call("GET", REPORT + "/unclaimed.csv", staff, null);
                assertThat(csv.body().lines().count()).isEqualTo(all.size() + 1L);
                // A company name a spreadsheet would run as a formula is written so it is shown, not run.
                try (Connection c = RegistryDatabase.connect();
                        Statement s = c.createStatement()) {
                    s.execute(
                            "INSERT INTO customer_registry (customer_number, org_number, company_name, active) "
                                    + "VALUES ('6699999999', '556677-8899', '=HYPERLINK(\"http://evil.example\",\"Klicka, här\")', TRUE)");
                }
                assertThat(api().call("GET", REPORT + "/unclaimed.csv" + Api.query("search", "6699999999"), staff, null)
                                .body())
                        .isEqualTo(
                                "customer_number,company_name\r\n6699999999,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Klicka, här\"\")\"\r\n");
                System.out.printf(
                        "UPTAKE-SCALE postgres: list of %d unclaimed (of %d registry rows searched) in pages of 500: %d ms%n",
                        left.size(), 2_000, pageMs);
            } else {
                assertThat(count(large, "registryCustomersWithMembers"))
                        .isEqualTo(count(small, "registryCustomersWithMembers"));
                assertThat(count(large, "activeCustomersWithoutMembers"))
                        .isEqualTo(count(small, "activeCustomersWithoutMembers"));
            }
            System.out.printf(
                    "UPTAKE-SCALE %s: summary with %d customer accounts %d ms, with %d: %d ms (ratio %.2f)%n",
                    postgres ? "postgres" : "h2",
                    count(small, "customerAccounts"),
                    smallMs,
                    count(large, "customerAccounts"),
                    largeMs,
                    (double) largeMs / Math.max(1, smallMs));
        } finally {
            if (postgres) {
                deleteRegistryCustomers();
            }
        }
    }

    private static long medianMillis(Runnable call) {
        call.run(); // warm
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            call.run();
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private void seedMemberships(String email, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                        + "/kundkonto-test-seed/memberships?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void insertRegistryCustomers(List<String> numbers) throws Exception {
        try (Connection c = RegistryDatabase.connect();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO customer_registry (customer_number, org_number, company_name, active) VALUES (?, '556677-8899', ?, TRUE)")) {
            for (String number : numbers) {
                insert.setString(1, number);
                insert.setString(2, "Skalkund " + number + " AB");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void deleteRegistryCustomers() throws Exception {
        try (Connection c = RegistryDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute(
                    "DELETE FROM customer_registry WHERE customer_number LIKE '66%' AND length(customer_number) = 10");
        }
    }
}
