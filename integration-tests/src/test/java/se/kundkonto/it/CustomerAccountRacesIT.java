package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

import se.kundkonto.it.PlainHttp.Page;

/**
 * The customer-account rules under real concurrency (threads released together by a barrier, many
 * rounds), run on H2 and again on PostgreSQL: a customer account never loses its last Admin, and a
 * crowd claiming a new customer at once ends up in one organization with one set of role groups.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class CustomerAccountRacesIT {

    private static final String CALLBACK = HttpRegistration.CALLBACK;
    private static final String SECRET = "test-secret";
    private static final String PASSWORD = "Race2026!secret";
    /** Demo registry customers (realm-export seed): number, last four digits, company name. */
    private static final String A = "01020304";

    private static final String A_DIGITS = "4400";
    private static final String B = "02030405";
    private static final String B_DIGITS = "3456";

    public static class OwnRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-races");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    /** Brings the framework's confidential test client {@code test-app} (password grant on) into the realm for the tokens. */
    @InjectOAuthClient
    OAuthClient oauth;

    private HttpRegistration registration() {
        return new HttpRegistration(realm, mail);
    }

    private void register(String customer, String digits, String email) {
        registration().register(customer, digits, email, PASSWORD);
    }

    private Page verified(PlainHttp http, String customer, String digits) {
        return registration().verified(http, customer, digits);
    }

    private static PlainHttp.Form registrationForm(Page form, String email) {
        return HttpRegistration.form(form, email);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceNeverLeaveTheAccountWithoutAdmin() throws Exception {
        register(A, A_DIGITS, "anna.race@foretaget.se");
        register(A, A_DIGITS, "bo.race@foretaget.se");
        Api api = new Api(realm.getBaseUrl());
        String anna = api.token("test-app", SECRET, "anna.race@foretaget.se", PASSWORD);
        String bo = api.token("test-app", SECRET, "bo.race@foretaget.se", PASSWORD);
        String annaId = userId("anna.race@foretaget.se");
        String boId = userId("bo.race@foretaget.se");
        String members = "/customers/" + A + "/members/";

        for (int round = 1; round <= 20; round++) {
            // Whoever is still Admin makes the other Admin again, so both start the round as Admin.
            List<String> admins = admins(A);
            String promoter = admins.contains(annaId) ? anna : bo;
            String other = admins.contains(annaId) ? boId : annaId;
            assertThat(api.call("PUT", members + other + "/role", promoter, Map.of("role", "Admin"))
                            .status())
                    .isEqualTo(200);
            assertThat(admins(A)).containsExactlyInAnyOrder(annaId, boId);

            List<Integer> statuses = atOnce(List.of(
                    () -> api.call("PUT", members + boId + "/role", anna, Map.of("role", "User"))
                            .status(),
                    () -> api.call("PUT", members + annaId + "/role", bo, Map.of("role", "User"))
                            .status()));

            assertThat(admins(A)).as("round %d (answers %s)", round, statuses).hasSize(1);
            assertThat(statuses).as("round %d", round).containsOnlyOnce(200);
            // The loser was demoted before its turn came (403 not_admin), or found itself the last Admin (409).
            assertThat(statuses).as("round %d", round).allMatch(s -> s == 200 || s == 403 || s == 409);
        }

        // Both Admins leaving at once: one goes, the other is told it is the last (409), never none left.
        List<String> admins = admins(A);
        String promoter = admins.contains(annaId) ? anna : bo;
        String other = admins.contains(annaId) ? boId : annaId;
        assertThat(api.call("PUT", members + other + "/role", promoter, Map.of("role", "Admin"))
                        .status())
                .isEqualTo(200);
        List<Integer> leaving = atOnce(List.of(
                () -> api.call("DELETE", members + annaId, anna, null).status(),
                () -> api.call("DELETE", members + boId, bo, null).status()));
        assertThat(leaving).containsExactlyInAnyOrder(204, 409);
        assertThat(admins(A)).hasSize(1);
    }

    @Test
    void fiftyPeopleClaimingANewCustomerAtOnceAllJoinOneOrganization() throws Exception {
        int people = 50;
        List<PlainHttp> sessions = new ArrayList<>();
        List<Page> forms = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            PlainHttp http = new PlainHttp();
            sessions.add(http);
            forms.add(verified(http, B, B_DIGITS));
        }
        List<Callable<String>> claims = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            PlainHttp http = sessions.get(i);
            Page form = forms.get(i);
            String email = "crowd" + i + "@norr.se";
            claims.add(() -> {
                Page after = http.follow(registrationForm(form, email).submit(http), CALLBACK);
                return after.status() + " " + after.pageId();
            });
        }

        List<String> answers = atOnce(claims);

        assertThat(answers)
                .as("every registration reaches the e-mail check, none an error page")
                .containsOnly("200 login-login-verify-email");
        List<OrganizationRepresentation> orgs = realm.admin().organizations().getAll().stream()
                .filter(o -> B.equals(o.getAlias()))
                .toList();
        assertThat(orgs).as("one organization for the customer").hasSize(1);
        OrganizationRepresentation org =
                new CustomerAccountsAdmin(realm.admin()).byCustomerNumber(B).orElseThrow();
        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        assertThat(admin.memberIds(org)).hasSize(people);
        assertThat(realm.admin()
                        .organizations()
                        .get(org.getId())
                        .groups()
                        .getAll(null, null, null, 0, 100, true, false))
                .as("one set of role groups")
                .extracting(g -> g.getName())
                .containsExactlyInAnyOrder("Admin", "User", "Pending");
        // Everyone who registers is Admin (the portal's rule); each holds exactly that one role.
        assertThat(admin.roleMemberIds(org, "Admin")).hasSize(people).doesNotHaveDuplicates();
        assertThat(admin.roleMemberIds(org, "User")).isEmpty();
    }

    @Test
    void aDisabledAdminDoesNotCountAsTheAdminWhoStays() {
        register("05060708", "2227", "kvar@bygg.se");
        register("05060708", "2227", "slutat@bygg.se");
        Api api = new Api(realm.getBaseUrl());
        String staying = api.token("test-app", SECRET, "kvar@bygg.se", PASSWORD);
        var left = realm.admin().users().searchByEmail("slutat@bygg.se", true).get(0);
        left.setEnabled(false); // left the company; a realm admin switched the account off
        realm.admin().users().get(left.getId()).update(left);

        Api.Reply leaving = api.call("DELETE", "/customers/05060708/members/" + userId("kvar@bygg.se"), staying, null);

        assertThat(leaving.status()).as("the only enabled Admin may not leave").isEqualTo(409);
        assertThat(leaving.object()).containsEntry("error", "last_admin");
        assertThat(api.call(
                                "PUT",
                                "/customers/05060708/members/" + left.getId() + "/role",
                                staying,
                                Map.of("role", "User"))
                        .status())
                .as("demoting the disabled one leaves the enabled Admin")
                .isEqualTo(200);
    }

    @Test
    void aCompanyNameTakenByAnotherOrganizationOrAsLongAsTheColumnStillRegisters() {
        OrganizationRepresentation other = new OrganizationRepresentation();
        other.setName(
                "Återvinning Syd AB"); // customer 04050607's company name, taken by an organization a realm admin made
        other.setAlias("annan-organisation");
        realm.admin().organizations().create(other).close();

        PlainHttp http = new PlainHttp();
        Page page = http.follow(
                registrationForm(verified(http, "04050607", "7652"), "syd@atervinning.se")
                        .submit(http),
                CALLBACK);

        assertThat(page.pageId()).isEqualTo("login-login-verify-email");
        assertThat(new CustomerAccountsAdmin(realm.admin())
                        .byCustomerNumber("04050607")
                        .orElseThrow()
                        .getName())
                .isEqualTo("Återvinning Syd AB (04050607)");

        if (RegistryDatabase.isPostgres()) { // the H2 registry lives inside the server: only PostgreSQL takes a new row
            String longName = "Långa Namnets Återvinnings- och Transportaktiebolag "
                    .repeat(5)
                    .substring(0, 255);
            RegistryDatabase.execute(
                    "insert into customer_registry (customer_number, org_number, company_name, active) "
                            + "values ('06070809', '556123-4567', '" + longName + "', true)");
            try {
                OrganizationRepresentation clash = new OrganizationRepresentation();
                clash.setName(longName);
                clash.setAlias("lang-organisation");
                realm.admin().organizations().create(clash).close();
                PlainHttp second = new PlainHttp();
                Page long255 = second.follow(
                        registrationForm(verified(second, "06070809", "4567"), "lang@namn.se")
                                .submit(second),
                        CALLBACK);
                assertThat(long255.pageId()).isEqualTo("login-login-verify-email");
                String name = new CustomerAccountsAdmin(realm.admin())
                        .byCustomerNumber("06070809")
                        .orElseThrow()
                        .getName();
                assertThat(name).hasSizeLessThanOrEqualTo(255).endsWith(" (06070809)");
            } finally {
                RegistryDatabase.execute("delete from customer_registry where customer_number = '06070809'");
            }
        }
    }

    private List<String> admins(String customer) {
        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        return admin.roleMemberIds(admin.byCustomerNumber(customer).orElseThrow(), "Admin");
    }

    private String userId(String email) {
        return realm.admin().users().searchByEmail(email, true).get(0).getId();
    }

    /** Runs the calls on their own threads, released at one instant, and returns their answers in order. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
