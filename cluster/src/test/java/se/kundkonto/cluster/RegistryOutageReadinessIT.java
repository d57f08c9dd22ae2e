package se.kundkonto.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import se.kundkonto.cluster.Person.Page;

/**
 * The registry's database goes down while Keycloak's stays up, on nodes built like the production image
 * ({@code server-conf/quarkus.properties} in {@code conf/}): both stay ready for their load balancer, an
 * e-mail login goes on, and a verification says the registry cannot be checked. Without that file
 * Keycloak's readiness checks every datasource and answers 503 (README "Health, metrics and events").
 */
@Order(5)
class RegistryOutageReadinessIT {

    private static final String EMAIL = "driftstopp@kluster.se";
    private static final String PASSWORD = "Kluster2026!drift";

    private final Portal portal = Cluster.portal();
    private final KeycloakNode a = Cluster.a();
    private final KeycloakNode b = Cluster.b();

    private static HttpResponse<String> ready(KeycloakNode node) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + node.managementPort() + "/health/ready"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** New connections to the registry's database refused, open ones (the nodes' pools) cut. */
    private static void registry(boolean up) throws Exception {
        try (Connection c = DriverManager.getConnection(PrivatePostgres.jdbcUrl("postgres"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE kundregister ALLOW_CONNECTIONS " + up);
            if (!up) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'kundregister'");
            }
        }
    }

    @Test
    void bothNodesStayReadyAndEmailLoginsGoOnWhileTheRegistryDatabaseIsDown() throws Exception {
        portal.register(new Person(a), Cluster.number(16), Cluster.DIGITS, EMAIL, PASSWORD);
        registry(false);
        try {
            for (KeycloakNode node : new KeycloakNode[] {a, b}) {
                HttpResponse<String> ready = ready(node);
                assertThat(ready.statusCode())
                        .as("node %s /health/ready during the outage: %s", node, ready.body())
                        .isEqualTo(200);
                assertThat(ready.body()).doesNotContain("\"DOWN\"");
            }
            Person verifying = new Person(b);
            Page answer =
                    Portal.guess(verifying, portal.verificationPage(verifying), Cluster.number(17), Cluster.DIGITS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("Vi kan inte kontrollera kundnumret just nu");

            Page in = portal.login(new Person(b), EMAIL, PASSWORD);
            assertThat(in.location())
                    .as("an e-mail login during the outage reaches the portal")
                    .startsWith(Person.CALLBACK);
        } finally {
            registry(true);
        }
        // The pools still hold connections the database closed; each failed read drops one and says
        // "unavailable" (counting against nobody) until the registry answers again.
        Person back = new Person(a);
        Page verification = portal.verificationPage(back);
        int attempts = 0;
        Page answer;
        do {
            answer = Portal.guess(back, verification, Cluster.number(17), Cluster.DIGITS);
            verification = answer;
            attempts++;
        } while (!answer.body().contains("kc-register-form")
                && answer.body().contains("Vi kan inte kontrollera")
                && attempts < 20);
        assertThat(answer.body())
                .as("the registry answers again (attempt %d)", attempts)
                .contains("kc-register-form");
        Cluster.note(
                "registry outage: both nodes stayed ready; after the registry came back, verification %d answered",
                attempts);
    }
}
