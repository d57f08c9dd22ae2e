package se.kundkonto.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import se.kundkonto.cluster.Person.Page;
import se.kundkonto.cluster.Portal.Tokens;

/**
 * Sessions and the active customer across nodes: Keycloak's authentication and user sessions live in
 * Infinispan's distributed caches, the pack's active customer in session notes, so whichever node a
 * request reaches must see what the other wrote.
 */
@Order(2)
class ClusterSessionsIT {

    private static final String PASSWORD = "Kluster2026!ok";

    private final Portal portal = Cluster.portal();
    private final KeycloakNode a = Cluster.a();
    private final KeycloakNode b = Cluster.b();

    @Test
    void aLoginStartedOnAFinishesOnB() {
        portal.register(new Person(a), Cluster.number(4), Cluster.DIGITS, "start.a@kluster.se", PASSWORD);

        Person person = new Person(a);
        Page login = person.getAndFollow(Portal.authUrl(null));
        assertThat(login.pageId()).isEqualTo(Portal.LOGIN_PAGE);
        person.on(b);
        Page done = person.submitAndFollow(login.form("#kc-form-login")
                .with("username", "start.a@kluster.se")
                .with("password", PASSWORD));
        Tokens tokens = portal.tokens(person, done);
        assertThat(tokens.activeCustomer()).isEqualTo(Cluster.number(4));
    }

    @Test
    void aTokenFromARefreshesOnBAndByteKundOnAIsSeenInBsNextToken() {
        Person person = new Person(a);
        Tokens first = portal.register(person, Cluster.number(5), Cluster.DIGITS, "byt.kund@kluster.se", PASSWORD);
        assertThat(first.activeCustomer()).isEqualTo(Cluster.number(5));
        Tokens added = addCustomer(person, Cluster.number(6));
        assertThat(added.activeCustomer()).as("the customer just added").isEqualTo(Cluster.number(6));

        Tokens refreshedOnB = Portal.refresh(b, added.refresh());
        assertThat(refreshedOnB.activeCustomer()).as("A's token refreshed on B").isEqualTo(Cluster.number(6));
        assertThat(refreshedOnB.customers()).containsExactlyInAnyOrder(Cluster.number(5), Cluster.number(6));

        // "Byt kund" on A (kc_action, signed in already): B's next token says so.
        Tokens switched = portal.tokens(
                person, person.getAndFollow(Portal.authUrl("kundkonto-switch-customer:" + Cluster.number(5))));
        assertThat(switched.activeCustomer()).isEqualTo(Cluster.number(5));
        assertThat(Portal.refresh(b, refreshedOnB.refresh()).activeCustomer())
                .as("B's next token after the switch on A")
                .isEqualTo(Cluster.number(5));
    }

    @Test
    void aMemberRemovedOnBLosesTheCustomerInAsNextToken() {
        String shared = Cluster.number(7);
        Tokens admin = portal.register(new Person(a), shared, Cluster.DIGITS, "admin.remove@kluster.se", PASSWORD);
        Person member = new Person(a);
        portal.register(member, shared, Cluster.DIGITS, "member.remove@kluster.se", PASSWORD);
        Tokens memberTokens = addCustomer(member, Cluster.number(4));
        assertThat(Portal.refresh(a, memberTokens.refresh()).customers())
                .containsExactlyInAnyOrder(shared, Cluster.number(4));

        String memberId = KeycloakTables.userId("member.remove@kluster.se");
        RealmAdmin.Reply removed = RealmAdmin.customerApi(
                b, "DELETE", "/customers/" + shared + "/members/" + memberId, admin.access(), null);
        assertThat(removed.status())
                .as("removed by the Admin on B: %s", removed.body())
                .isEqualTo(204);

        Tokens next = Portal.refresh(a, memberTokens.refresh());
        assertThat(next.customers()).as("A's next token").containsExactly(Cluster.number(4));
        assertThat(next.activeCustomer()).isEqualTo(Cluster.number(4));
    }

    /** "Lägg till kundkonto" (kc_action) while signed in: verification page, then back at the portal. */
    private Tokens addCustomer(Person person, String customer) {
        Page verify = person.getAndFollow(Portal.authUrl("kundkonto-add-customer"));
        Portal.expect(verify, Portal.VERIFY_PAGE);
        return portal.tokens(person, Portal.guess(person, verify, customer, Cluster.DIGITS));
    }
}
