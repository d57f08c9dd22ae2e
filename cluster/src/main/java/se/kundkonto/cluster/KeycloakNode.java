package se.kundkonto.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Keycloak node from its own copy of the built distribution ({@code start --optimized}), with its log
 * in a file so the cluster view can be read from it.
 */
public final class KeycloakNode {

    /** Infinispan's "Received new cluster view" (ISPN000094) or "… MERGED cluster view" (ISPN000093): {@code [coord|id] (members) [list]}. */
    private static final Pattern VIEW = Pattern.compile("ISPN00009[34]: .*?\\|\\d+\\] \\((\\d+)\\)");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final int jgroupsPort;
    private final Path log;
    private Process process;

    public KeycloakNode(String name, Path home, int httpPort, int managementPort, int jgroupsPort) {
        this.name = name;
        this.home = home;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.jgroupsPort = jgroupsPort;
        this.log = home.resolve("node.log");
    }

    public String name() {
        return name;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Health and metrics: {@code http://127.0.0.1:<port>/health/ready}. */
    public int managementPort() {
        return managementPort;
    }

    public Path log() {
        return log;
    }

    /** Where this node answers directly (not through the cluster's public URL). */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Starts the node with the shared options, its own ports and what only this node gets (admin, import). */
    public synchronized void start(List<String> sharedOptions, List<String> ownOptions, Map<String, String> env)
            throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized"));
        command.addAll(sharedOptions);
        command.add("--http-port=" + httpPort);
        command.add("--http-management-port=" + managementPort);
        // Both ports set explicitly: JGroups' TCP port_range would otherwise let a node slide onto the other's port.
        command.add("--cache-embedded-network-bind-port=" + jgroupsPort);
        command.addAll(ownOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Files.writeString(
                log,
                "==== " + Instant.now() + " starting " + name + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until the node is ready (management health) and serves the realm; false if it died or timed out. */
    public boolean awaitReady(String realm, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                return false;
            }
            if (answers("http://127.0.0.1:" + managementPort + "/health/ready")
                    && answers(baseUrl() + "/realms/" + realm)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** The member count of the newest cluster view in this node's log since its last start. */
    public OptionalInt clusterViewSize() {
        try {
            if (!Files.exists(log)) {
                return OptionalInt.empty();
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            OptionalInt size = OptionalInt.empty();
            for (String line : lines) {
                if (line.startsWith("==== ")) {
                    size = OptionalInt.empty(); // a new start: older views are another life of the node
                }
                Matcher m = VIEW.matcher(line);
                if (m.find()) {
                    size = OptionalInt.of(Integer.parseInt(m.group(1)));
                }
            }
            return size;
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** {@code kill -9}: the JVM and the kc.sh around it, no shutdown of any kind. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        // kc.sh runs java as its child: killing only the script would leave the server running.
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(process, 10);
        process = null;
    }

    /** A normal shutdown (SIGTERM to the JVM), forced after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> jvms = process.toHandle().descendants().toList();
        jvms.forEach(ProcessHandle::destroy);
        for (ProcessHandle jvm : jvms) {
            try {
                jvm.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                jvm.destroyForcibly();
            }
        }
        process.destroy();
        if (!waitFor(process, 10)) {
            process.destroyForcibly();
        }
        process = null;
    }

    /**
     * Kills what an earlier run left behind when its JVM died without running its shutdown hooks: only
     * processes started from this node's own home folder.
     */
    public void killLeftovers() {
        String marker = "-Dkc.home.dir=" + home;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(p -> {
                    System.err.println("Killing a Keycloak left over from an earlier run: pid " + p.pid());
                    p.destroyForcibly();
                });
    }

    private static boolean waitFor(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<Void> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (" + baseUrl() + ")";
    }
}
