package se.kundkonto.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two Keycloak nodes with the pack, sharing one private PostgreSQL (Keycloak's database and the customer
 * registry) and forming one Infinispan cluster over the default {@code jdbc-ping} stack, everything bound
 * to 127.0.0.1: the set-up of the cluster demo and of the cluster tests. Stops everything on
 * {@link #close()} and when the JVM exits.
 */
public final class TwoNodeCluster implements AutoCloseable {

    public static final String REALM = "kundportal";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(90);
    /** Per node: two servers, PostgreSQL and Maven share two cores and the machine's memory. */
    private static final String HEAP = "-Xms128m -Xmx512m";

    private final ClusterLayout layout;
    private final PrivatePostgres postgres;
    private final KeycloakNode a;
    private final KeycloakNode b;
    private final Thread onExit = new Thread(this::stopAll, "two-node-cluster-stop");
    private Formation formation;

    public TwoNodeCluster(ClusterLayout layout) {
        this.layout = layout;
        Path work = layout.workDir().toAbsolutePath().normalize();
        this.postgres = new PrivatePostgres(layout.postgresScripts(), work.resolve("postgres"));
        this.a = new KeycloakNode("A", work.resolve("node-a"), 8080, 9000, 7800);
        this.b = new KeycloakNode("B", work.resolve("node-b"), 8081, 9001, 7801);
    }

    /** How long the cluster took to come up, in milliseconds from the first node's start. */
    public record Formation(long buildMillis, long nodeAReadyMillis, long nodeBReadyMillis, long twoMemberViewMillis) {}

    public KeycloakNode a() {
        return a;
    }

    public KeycloakNode b() {
        return b;
    }

    public Formation formation() {
        return formation;
    }

    /** The URL people use: the public URL, or node A's when each node answers under its own. */
    public String publicUrl() {
        return layout.publicUrl() != null ? layout.publicUrl() : a.baseUrl();
    }

    /** Builds, starts PostgreSQL and both nodes, and returns once both see a cluster of two. */
    public TwoNodeCluster start() throws Exception {
        Runtime.getRuntime().addShutdownHook(onExit);
        a.killLeftovers();
        b.killLeftovers();
        long t0 = System.nanoTime();
        buildDistributions();
        long built = millisSince(t0);
        postgres.start();
        RegistrySeed.seed(layout.registrySeed());

        long started = System.nanoTime();
        a.start(
                runtimeOptions(),
                List.of("--import-realm"),
                Map.of(
                        "JAVA_OPTS_KC_HEAP",
                        HEAP,
                        "KC_BOOTSTRAP_ADMIN_USERNAME",
                        ADMIN,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD",
                        ADMIN_PASSWORD));
        awaitReady(a);
        long aReady = millisSince(started);
        // B only after A: one node runs the database migration and the realm import, the other finds them done.
        b.start(runtimeOptions(), List.of(), Map.of("JAVA_OPTS_KC_HEAP", HEAP));
        awaitReady(b);
        long bReady = millisSince(started);
        awaitTwoMembers();
        formation = new Formation(built, aReady, bReady, millisSince(started));
        return this;
    }

    /** {@code kill -9} of one node; the other notices through JGroups' failure detection. */
    public void kill(KeycloakNode node) {
        node.kill();
    }

    /** Starts a node that was killed or stopped again and waits until it has rejoined; the milliseconds it took. */
    public long restart(KeycloakNode node) throws Exception {
        long started = System.nanoTime();
        node.start(runtimeOptions(), List.of(), Map.of("JAVA_OPTS_KC_HEAP", HEAP));
        awaitReady(node);
        awaitTwoMembers();
        return millisSince(started);
    }

    /** Waits until both nodes' newest cluster view has two members. */
    public void awaitTwoMembers() throws InterruptedException {
        long deadline = System.nanoTime() + VIEW_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (a.clusterViewSize().orElse(0) == 2 && b.clusterViewSize().orElse(0) == 2) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("No two-member cluster view within " + VIEW_TIMEOUT + " (A: "
                + a.clusterViewSize() + ", B: " + b.clusterViewSize() + "); see " + a.log() + " and " + b.log());
    }

    /** Waits until the node's cluster view has the given number of members. */
    public static boolean awaitView(KeycloakNode node, int members, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (node.clusterViewSize().orElse(0) == members) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
            // already in shutdown: the hook is running or ran
        }
    }

    private synchronized void stopAll() {
        b.stop();
        a.stop();
        postgres.stop();
    }

    /**
     * One {@code kc.sh build} (the slow part), then a copy of the built distribution for node B: each node
     * needs its own {@code data/}.
     */
    private void buildDistributions() throws IOException, InterruptedException {
        delete(a.home());
        delete(b.home());
        Files.createDirectories(a.home().getParent());
        run(
                List.of("cp", "-a", layout.distribution().toString(), a.home().toString()),
                a.home().getParent());
        Files.copy(
                layout.pack(),
                Files.createDirectories(a.home().resolve("providers")).resolve("kundkonto.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> conf = Files.list(layout.serverConf())) { // built like the production image
            for (Path file : conf.toList()) {
                Files.copy(
                        file,
                        a.home().resolve("conf").resolve(file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        run(
                List.of(
                        a.home().resolve("bin/kc.sh").toString(),
                        "build",
                        "--db=postgres",
                        "--db-kind-kundregister=postgres",
                        "--cache=ispn",
                        "--health-enabled=true"),
                a.home());
        run(
                List.of("cp", "-a", a.home().toString(), b.home().toString()),
                a.home().getParent());
        Files.copy(
                layout.realm(),
                Files.createDirectories(a.home().resolve("data/import")).resolve("kundportal-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> runtimeOptions() {
        List<String> o = new ArrayList<>(List.of(
                "--db-url=" + PrivatePostgres.jdbcUrl("keycloak"),
                "--db-username=postgres",
                "--db-password=postgres",
                "--db-url-full-kundregister=" + PrivatePostgres.jdbcUrl("kundregister"),
                "--db-username-kundregister=postgres",
                "--db-password-kundregister=postgres",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--cache-embedded-network-bind-address=127.0.0.1"));
        if (layout.publicUrl() != null) {
            o.add("--hostname=" + layout.publicUrl());
        } else {
            o.add("--hostname-strict=false");
        }
        if (layout.trustForwardedFor()) {
            o.add("--proxy-headers=xforwarded");
        }
        return o;
    }

    private void awaitReady(KeycloakNode node) throws InterruptedException {
        if (!node.awaitReady(REALM, START_TIMEOUT)) {
            throw new IllegalStateException("Node " + node + " did not come up; see " + node.log());
        }
    }

    /** Runs a command to its end; a non-zero exit is an exception. Shared with the cluster module's tests. */
    static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + p.exitValue());
        }
    }

    /** Deletes a folder and everything below it, if it exists. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
