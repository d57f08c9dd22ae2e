package se.kundkonto.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import se.kundkonto.cluster.Person.Page;

/**
 * The guess throttle of the realm export (5 failures per customer number and 20 per client address in
 * 15 minutes) with the guesses spread over both nodes: the budget is one, not one per node.
 */
@Order(1)
class ClusterThrottleIT {

    private static final String WRONG = "Kundnumret eller siffrorna stämmer inte.";
    private static final String LOCKED = "För många försök";

    private final Portal portal = Cluster.portal();
    private final KeycloakNode a = Cluster.a();
    private final KeycloakNode b = Cluster.b();

    @Test
    void wrongDigitsAlternatingBetweenTheNodesLockTheNumberAfterTheSameFiveAsOnOneNode() {
        String number = Cluster.number(1);
        Person attacker = new Person(a);
        Page page = portal.verificationPage(attacker);
        for (int i = 0; i < 5; i++) {
            attacker.on(i % 2 == 0 ? a : b);
            page = Portal.guess(attacker, page, number, "000" + i);
            assertThat(page.pageId())
                    .as("guess %d on %s", i + 1, attacker.node())
                    .isEqualTo(Portal.VERIFY_PAGE);
            assertThat(page.feedback())
                    .as("guess %d on %s", i + 1, attacker.node())
                    .isEqualTo(WRONG);
        }
        for (KeycloakNode node : new KeycloakNode[] {a, b}) {
            Page employee = portal.registrationForm(new Person(node), number, Cluster.DIGITS);
            assertThat(employee.pageId()).as("the right digits on %s", node).isEqualTo(Portal.VERIFY_PAGE);
            assertThat(employee.feedback()).as("on %s", node).contains(LOCKED);
            assertThat(RealmAdmin.guessLock(node, "GET", number)
                            .json()
                            .path("failuresInWindow")
                            .asInt())
                    .as("failures counted, seen on %s", node)
                    .isEqualTo(5);
        }
    }

    @Test
    void aLockMadeOnASeenOnB() {
        String number = Cluster.number(2);
        Person attacker = new Person(a);
        Page page = portal.verificationPage(attacker);
        for (int i = 0; i < 5; i++) {
            page = Portal.guess(attacker, page, number, "100" + i);
            assertThat(page.feedback()).isEqualTo(WRONG);
        }
        assertThat(RealmAdmin.guessLock(b, "GET", number).json().path("locked").asBoolean())
                .as("B's admin view")
                .isTrue();
        Page onB = portal.registrationForm(new Person(b), number, Cluster.DIGITS);
        assertThat(onB.pageId()).isEqualTo(Portal.VERIFY_PAGE);
        assertThat(onB.feedback()).contains(LOCKED);

        // Cleared on B (customer service), open again on A.
        assertThat(RealmAdmin.guessLock(b, "DELETE", number).status()).isEqualTo(204);
        assertThat(portal.registrationForm(new Person(a), number, Cluster.DIGITS)
                        .pageId())
                .isEqualTo(Portal.REGISTER_PAGE);
    }

    @Test
    void oneAddressAlternatingBetweenTheNodesIsStoppedAfterTwentyFailuresAsOnOneNode() {
        Person sprayer = new Person(a);
        Page page = portal.verificationPage(sprayer);
        for (int i = 0; i < 20; i++) {
            String unknown = String.format("0999%04d", i / 4); // 4 per number: under the number's limit of 5
            sprayer.on(i % 2 == 0 ? a : b);
            page = Portal.guess(sprayer, page, unknown, String.format("%04d", i));
            assertThat(page.feedback())
                    .as("failure %d on %s", i + 1, sprayer.node())
                    .isEqualTo(WRONG);
        }
        for (KeycloakNode node : new KeycloakNode[] {a, b}) {
            sprayer.on(node);
            page = Portal.guess(sprayer, portal.verificationPage(sprayer), Cluster.number(3), Cluster.DIGITS);
            assertThat(page.pageId())
                    .as("this address, on %s, even with a real customer's right digits", node)
                    .isEqualTo(Portal.VERIFY_PAGE);
            assertThat(page.feedback()).contains(LOCKED);
        }
        assertThat(portal.registrationForm(new Person(b), Cluster.number(3), Cluster.DIGITS)
                        .pageId())
                .as("another address is not stopped")
                .isEqualTo(Portal.REGISTER_PAGE);
    }
}
