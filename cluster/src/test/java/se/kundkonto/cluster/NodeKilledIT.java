package se.kundkonto.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import se.kundkonto.cluster.Person.Page;
import se.kundkonto.cluster.Portal.Tokens;

/**
 * {@code kill -9} of node B while people are in the middle of a flow: they continue on node A (the load
 * balancer sends them there; starting the flow again is allowed, an error page is not), nothing is left
 * half-linked, and B restarts and rejoins. What each person saw is written to the figures.
 */
@Order(6)
class NodeKilledIT {

    private static final String PASSWORD = "Kluster2026!kill";

    private final TwoNodeCluster cluster = Cluster.get();
    private final Portal portal = Cluster.portal();
    private final KeycloakNode a = Cluster.a();
    private final KeycloakNode b = Cluster.b();

    @AfterEach
    void bBackInTheCluster() throws Exception {
        if (!b.isAlive()) {
            long ms = cluster.restart(b);
            Cluster.note("node B restarted and rejoined (two-member view on both) in %d ms", ms);
        }
        assertThat(a.clusterViewSize()).hasValue(2);
        assertThat(b.clusterViewSize()).hasValue(2);
    }

    @Test
    void killedInTheMiddleOfARegistrationThePersonContinuesOnA() throws Exception {
        String customer = Cluster.number(13);
        Person between = new Person(b);
        Page form = portal.registrationForm(between, customer, Cluster.DIGITS);
        List<Person> inFlight = new ArrayList<>();
        List<Page> inFlightForms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Person person = new Person(b);
            inFlight.add(person);
            inFlightForms.add(portal.registrationForm(person, customer, Cluster.DIGITS));
        }

        // Six registrations posted to B one every 100 ms, B killed after 350 ms: some are answered, some cut
        // off while B handles them, some find B gone.
        ExecutorService pool = Executors.newFixedThreadPool(inFlight.size());
        List<Future<String>> posted = new ArrayList<>();
        for (int i = 0; i < inFlight.size(); i++) {
            Person person = inFlight.get(i);
            Person.Form filled = Portal.filledIn(inFlightForms.get(i), email(i));
            long delay = 100L * i;
            posted.add(pool.submit(() -> {
                Thread.sleep(delay);
                return outcome(() -> person.submitAndFollow(filled));
            }));
        }
        Thread.sleep(350);
        long killed = System.nanoTime();
        cluster.kill(b);
        List<String> onB = new ArrayList<>();
        for (Future<String> f : posted) {
            onB.add(f.get(90, TimeUnit.SECONDS));
        }
        pool.shutdownNow();
        boolean noticed = TwoNodeCluster.awaitView(a, 1, Duration.ofSeconds(60));
        Cluster.note(
                "registration kill: A's view went to 1 member %s ms after kill -9 of B",
                noticed ? (System.nanoTime() - killed) / 1_000_000 : "never (60 s)");
        Cluster.note(
                "registration kill: the 6 registration POSTs sent to B at 0, 100 … 500 ms (kill at 350 ms) got: %s",
                onB);
        assertThat(onB).as("no error page from B before it died").noneMatch(o -> o.startsWith("5"));

        // The one between two pages: the form B served, sent to A.
        between.on(a);
        Page sent = between.submitAndFollow(Portal.filledIn(form, "kill.between@kluster.se"));
        Cluster.note(
                "registration kill: the form served by B and sent to A after the kill gave %s (feedback '%s')",
                sent, sent.feedback());
        assertThat(sent.status()).isLessThan(500);
        finishOnA(between, customer, "kill.between@kluster.se", sent);

        // The six whose POST hit the dying node start again on A.
        List<String> onA = new ArrayList<>();
        for (int i = 0; i < inFlight.size(); i++) {
            Person person = inFlight.get(i).on(a);
            Page again = portal.sendRegistration(
                    person, portal.registrationForm(person, customer, Cluster.DIGITS), email(i));
            onA.add(again.status() + " " + again.pageId()
                    + (again.feedback().isEmpty() ? "" : " '" + again.feedback() + "'"));
            assertThat(again.status()).isLessThan(500);
            finishOnA(person, customer, email(i), again);
        }
        Cluster.note("registration kill: the 6 starting again on A got: %s", onA);

        assertThat(KeycloakTables.usersWithoutMembership("kill."))
                .as("half-linked users")
                .isEmpty();
        assertThat(KeycloakTables.membershipsWithoutOneRole())
                .as("memberships without exactly one role")
                .isEmpty();
        assertThat(KeycloakTables.rolesWithoutMembership())
                .as("role without membership")
                .isEmpty();
        assertThat(KeycloakTables.organizations(customer)).isEqualTo(1);
        assertThat(KeycloakTables.members(customer)).as("no membership lost").isEqualTo(inFlight.size() + 1);
    }

    @Test
    void killedBetweenPasswordAndPickerThePersonContinuesOnA() throws Exception {
        Person setUp = new Person(a);
        portal.register(setUp, Cluster.number(14), Cluster.DIGITS, "kill.picker@kluster.se", PASSWORD);
        Page verify = setUp.getAndFollow(Portal.authUrl("kundkonto-add-customer"));
        portal.tokens(setUp, Portal.guess(setUp, verify, Cluster.number(15), Cluster.DIGITS));

        Person person = new Person(b);
        Page picker = portal.login(person, "kill.picker@kluster.se", PASSWORD);
        Portal.expect(picker, Portal.PICKER_PAGE);
        long killed = System.nanoTime();
        cluster.kill(b);
        boolean noticed = TwoNodeCluster.awaitView(a, 1, Duration.ofSeconds(60));
        Cluster.note(
                "login kill: A's view went to 1 member %s ms after kill -9 of B",
                noticed ? (System.nanoTime() - killed) / 1_000_000 : "never (60 s)");

        person.on(a);
        Page chosen = person.submitAndFollow(
                picker.form("#kundkonto-select-customer-form").with("customerNumber", Cluster.number(14)));
        Cluster.note(
                "login kill: the picker served by B, chosen on A after the kill, gave %s (feedback '%s')",
                chosen, chosen.feedback());
        assertThat(chosen.status()).isLessThan(500);
        if (chosen.location() == null || !chosen.location().startsWith(Person.CALLBACK)) {
            Page again = portal.login(person, "kill.picker@kluster.se", PASSWORD); // starting again is allowed
            Cluster.note("login kill: logging in again on A gave %s", again);
            chosen = person.submitAndFollow(
                    again.form("#kundkonto-select-customer-form").with("customerNumber", Cluster.number(14)));
        }
        Tokens tokens = portal.tokens(person, chosen);
        assertThat(tokens.activeCustomer()).isEqualTo(Cluster.number(14));
        assertThat(tokens.customers()).containsExactlyInAnyOrder(Cluster.number(14), Cluster.number(15));
    }

    /** Whatever page follows, the person gets to the portal on A: e-mail confirmed, password, TOTP skipped. */
    private void finishOnA(Person person, String customer, String email, Page page) {
        Page current = page;
        if (!"login-login-verify-email".equals(current.pageId())) {
            // Not the e-mail check: the flow was lost with the node (start again), or the account was made before it
            // died.
            boolean exists = !KeycloakTables.usersLike(email).isEmpty();
            if (exists) {
                assertThat(KeycloakTables.isMember(customer, email))
                        .as("%s made on B before the kill is linked", email)
                        .isTrue();
                return;
            }
            current = portal.sendRegistration(person, portal.registrationForm(person, customer, Cluster.DIGITS), email);
            Portal.expect(current, "login-login-verify-email");
        }
        Page offer = portal.confirmAndChoosePassword(person, email, PASSWORD);
        portal.tokens(
                person,
                person.submitAndFollow(offer.form("#kc-totp-settings-form").with("kundkontoSkip", "")));
    }

    private static String email(int i) {
        return "kill.inflight" + i + "@kluster.se";
    }

    private static String outcome(java.util.concurrent.Callable<Page> request) {
        try {
            Page page = request.call();
            return page.status() + " " + page.pageId();
        } catch (Person.NoAnswer e) {
            return "no answer (" + e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage() + ")";
        } catch (Exception e) {
            return "error " + e;
        }
    }
}
