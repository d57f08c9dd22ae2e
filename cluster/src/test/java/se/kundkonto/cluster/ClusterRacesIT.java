package se.kundkonto.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import se.kundkonto.cluster.Person.Page;

/**
 * The customer-account rules when the racing requests reach different nodes, whose Infinispan caches
 * are invalidated only after the other node's commit: one organization per customer, never no Admin.
 * What is counted is read from the database both nodes share.
 */
@Order(3)
class ClusterRacesIT {

    private static final String PASSWORD = "Kluster2026!race";

    private final Portal portal = Cluster.portal();
    private final KeycloakNode a = Cluster.a();
    private final KeycloakNode b = Cluster.b();

    @Test
    void firstRegistrationsOfOneNewCustomerSplitBetweenTheNodesAllJoinOneOrganization() throws Exception {
        int people = 20;
        for (int round = 0; round < 3; round++) {
            String customer = Cluster.number(8 + round);
            List<Person> persons = new ArrayList<>();
            List<Page> forms = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Person person = new Person(i % 2 == 0 ? a : b);
                persons.add(person);
                forms.add(portal.registrationForm(person, customer, Cluster.DIGITS));
            }
            List<Callable<String>> claims = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Person person = persons.get(i);
                Person.Form form = Portal.filledIn(forms.get(i), "crowd" + round + "." + i + "@kluster.se");
                claims.add(() -> {
                    Page after = person.submitAndFollow(form);
                    return after.status() + " " + after.pageId();
                });
            }

            List<String> answers = AtOnce.run(claims);

            assertThat(answers)
                    .as("round %d: every registration reaches the e-mail check", round)
                    .containsOnly("200 login-login-verify-email");
            assertThat(KeycloakTables.organizations(customer))
                    .as("round %d: one organization", round)
                    .isEqualTo(1);
            assertThat(KeycloakTables.roleGroups(customer))
                    .as("round %d: one set of role groups", round)
                    .containsExactly("Admin", "Pending", "User");
            assertThat(KeycloakTables.members(customer))
                    .as("round %d: all members", round)
                    .isEqualTo(people);
            assertThat(KeycloakTables.inRole(customer, "Admin"))
                    .as("round %d: all Admin (the portal's rule)", round)
                    .isEqualTo(people);
        }
        assertThat(KeycloakTables.membershipsWithoutOneRole()).isEmpty();
    }

    @Test
    void twoAdminsDemotingEachOtherOnDifferentNodesNeverLeaveTheAccountWithoutAdmin() throws Exception {
        String customer = Cluster.number(11);
        String anna = portal.register(new Person(a), customer, Cluster.DIGITS, "anna.race@kluster.se", PASSWORD)
                .access();
        String bo = portal.register(new Person(b), customer, Cluster.DIGITS, "bo.race@kluster.se", PASSWORD)
                .access();
        String annaId = KeycloakTables.userId("anna.race@kluster.se");
        String boId = KeycloakTables.userId("bo.race@kluster.se");
        String members = "/customers/" + customer + "/members/";

        for (int round = 1; round <= 20; round++) {
            // Whoever is still Admin makes the other Admin again, so both start the round as Admin.
            boolean annaAdmin = KeycloakTables.isInRole(customer, "Admin", annaId);
            String promoter = annaAdmin ? anna : bo;
            String other = annaAdmin ? boId : annaId;
            assertThat(RealmAdmin.customerApi(a, "PUT", members + other + "/role", promoter, "{\"role\":\"Admin\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(KeycloakTables.inRole(customer, "Admin")).isEqualTo(2);

            List<Integer> statuses = AtOnce.run(List.<Callable<Integer>>of(
                    () -> RealmAdmin.customerApi(a, "PUT", members + boId + "/role", anna, "{\"role\":\"User\"}")
                            .status(),
                    () -> RealmAdmin.customerApi(b, "PUT", members + annaId + "/role", bo, "{\"role\":\"User\"}")
                            .status()));

            assertThat(KeycloakTables.inRole(customer, "Admin"))
                    .as("round %d (answers %s)", round, statuses)
                    .isEqualTo(1);
            assertThat(statuses)
                    .as("round %d", round)
                    .containsOnlyOnce(200)
                    .allMatch(s -> s == 200 || s == 403 || s == 409);
        }
        assertThat(KeycloakTables.membershipsWithoutOneRole()).isEmpty();
    }
}
