package se.kundkonto.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * The one cluster all cluster tests share (started by the first, stopped when the test JVM exits), with
 * the mail server and the test customers added to the registry.
 */
final class Cluster {

    /** Digits of every test customer below: the last four of their organisation number. */
    static final String DIGITS = "4567";

    private static TwoNodeCluster cluster;
    private static Mailbox mail;
    private static RuntimeException failed;

    private Cluster() {}

    static synchronized TwoNodeCluster get() {
        try {
            assumeTrue(
                    PrivatePostgres.installed(),
                    "no PostgreSQL server binaries (apt-get install postgresql): cluster tests skipped");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (failed != null) {
            throw failed;
        }
        if (cluster == null) {
            try {
                mail = new Mailbox().start();
                Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
                cluster = new TwoNodeCluster(layout()).start();
                addTestCustomers();
                TwoNodeCluster.Formation f = cluster.formation();
                note(
                        "formation: build %d ms; node A ready %d ms, node B ready %d ms, two-member view %d ms after A's start",
                        f.buildMillis(), f.nodeAReadyMillis(), f.nodeBReadyMillis(), f.twoMemberViewMillis());
            } catch (Exception e) {
                if (cluster != null) {
                    cluster.close();
                }
                failed = new IllegalStateException("The two-node cluster did not start", e);
                throw failed;
            }
        }
        return cluster;
    }

    static Mailbox mail() {
        get();
        return mail;
    }

    static Portal portal() {
        return new Portal(mail());
    }

    static KeycloakNode a() {
        return get().a();
    }

    static KeycloakNode b() {
        return get().b();
    }

    /** A figure for the closing note: printed, and kept in target/cluster/figures.txt. */
    static synchronized void note(String format, Object... args) {
        String line = Instant.now() + " " + String.format(format, args);
        System.out.println("[cluster] " + line);
        try {
            Path file = Path.of(System.getProperty("kundkonto.cluster.work", "target/cluster"))
                    .resolve("figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not write the figure: " + e);
        }
    }

    private static ClusterLayout layout() {
        return new ClusterLayout(
                path("kundkonto.cluster.dist"),
                path("kundkonto.pack.jar"),
                path("kundkonto.realm"),
                path("kundkonto.registry.seed"),
                path("kundkonto.server.conf"),
                path("kundkonto.postgres.scripts"),
                path("kundkonto.cluster.work"),
                Portal.PUBLIC_URL,
                true);
    }

    /** Customers 06070801–06070817 ("Klusterkund NN AB"), one or two per test, so no test meets another's locks or members. */
    private static void addTestCustomers() throws Exception {
        try (Connection c = RegistrySeed.connect();
                PreparedStatement insert = c.prepareStatement(
                        "insert into customer_registry (customer_number, org_number, company_name, active) values (?, ?, ?, true)")) {
            for (int i = 1; i <= 17; i++) {
                insert.setString(1, number(i));
                insert.setString(2, "556123-" + DIGITS);
                insert.setString(3, String.format("Klusterkund %02d AB", i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Test customer {@code i} (1–15). */
    static String number(int i) {
        return String.format("060708%02d", i);
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + property + " not set (run through Maven: cluster/pom.xml)");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
