package se.kundkonto.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The private PostgreSQL cluster of the integration tests ({@code integration-tests/postgres/start.sh}),
 * holding Keycloak's database and the customer registry that both nodes share.
 */
public final class PrivatePostgres {

    public static final int PORT = 55432;

    private final Path scripts;
    private final Path dataDir;
    private volatile boolean running;

    public PrivatePostgres(Path scripts, Path dataDir) {
        this.scripts = scripts;
        this.dataDir = dataDir;
    }

    /** True where the PostgreSQL server binaries are installed (Debian's {@code postgresql}). */
    public static boolean installed() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (var versions = Files.list(lib)) {
            return versions.anyMatch(v -> Files.isExecutable(v.resolve("bin/initdb")));
        }
    }

    /** A fresh, empty cluster with the databases keycloak and kundregister (an old one left behind is removed first). */
    public void start() throws IOException, InterruptedException {
        run("start.sh", String.valueOf(PORT), dataDir.toString());
        running = true;
    }

    public void stop() {
        if (!running) {
            return;
        }
        try {
            run("stop.sh", dataDir.toString());
            running = false;
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("Could not stop PostgreSQL in " + dataDir + ": " + e);
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database;
    }

    private void run(String script, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = scripts.resolve(script).toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(script + " failed with exit code " + process.exitValue());
        }
    }
}
