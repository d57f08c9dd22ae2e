package se.kundkonto.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the server under test finds the customer registry, and how it gets the demo customers. */
public final class RegistryDatabase {

    private RegistryDatabase() {}

    public interface Registry {
        Map<String, String> options();
    }

    public static Registry current() {
        return isPostgres() ? postgres() : h2();
    }

    /** PostgreSQL is reachable from the tests; the in-memory H2 lives inside the server process. */
    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("kundkonto.registry.db"));
    }

    /** Runs one statement on the PostgreSQL registry (e.g. to take it away for a while). */
    static void execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("Could not run on the registry: " + sql, e);
        }
    }

    /**
     * Takes the registry's whole database away, as an outage of the ERP's database would: new connections
     * are refused and open ones (the server's pool) cut. Keycloak's own database stays up.
     */
    static void takeDown() {
        onServer(
                "ALTER DATABASE " + databaseName() + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + databaseName() + "'");
    }

    static void bringUp() {
        onServer("ALTER DATABASE " + databaseName() + " ALLOW_CONNECTIONS true");
    }

    /** Statements run from the server's maintenance database {@code postgres}, outside the registry's. */
    private static void onServer(String... sql) {
        String maintenance = url().replaceFirst("/" + databaseName() + "(\\?.*)?$", "/postgres");
        try (Connection c = DriverManager.getConnection(maintenance, user(), password());
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not run on the registry's PostgreSQL server: " + String.join("; ", sql), e);
        }
    }

    private static String databaseName() {
        String path = URI.create(url().substring("jdbc:".length())).getPath();
        return path.substring(1);
    }

    /** A JDBC connection to the PostgreSQL registry the server reads (the benchmark seeds and inspects it). */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    private static String url() {
        return System.getProperty("kundkonto.registry.url", "jdbc:postgresql://127.0.0.1:55432/kundregister");
    }

    private static String user() {
        return System.getProperty("kundkonto.registry.user", "postgres");
    }

    private static String password() {
        return System.getProperty("kundkonto.registry.password", "postgres");
    }

    static Path seedScript() {
        return Path.of(System.getProperty("kundkonto.registry.seed", "../realm-export/registry/kundregister-demo.sql"))
                .toAbsolutePath()
                .normalize();
    }

    /** In-memory H2 that runs the idempotent seed script on every new connection. */
    private static Registry h2() {
        return () -> {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("db-kind-kundregister", "dev-mem");
            o.put(
                    "db-url-full-kundregister",
                    "jdbc:h2:mem:kundregister;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '" + seedScript()
                            + "' CHARSET 'UTF-8'");
            o.put("db-username-kundregister", "sa");
            o.put("db-password-kundregister", "sa");
            return o;
        };
    }

    /**
     * The database role the server reads the PostgreSQL registry as: {@code SELECT} on the registry's
     * tables and nothing else, as the README tells operators to set it up, so every PostgreSQL test also
     * proves the pack never needs more. The tests themselves seed and alter the registry as {@link #user()}.
     */
    public static final String READER = "kundkonto_registry_reader";

    static final String READER_PASSWORD = "kundkonto-registry-reader";

    /** A PostgreSQL database (e.g. the private test cluster of .ci/run), seeded here over JDBC. */
    private static Registry postgres() {
        String url = url();
        seed(url, user(), password());
        grantReader(url, user(), password());
        return () -> {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("db-kind-kundregister", "postgres");
            o.put("db-url-full-kundregister", url);
            o.put("db-username-kundregister", READER);
            o.put("db-password-kundregister", READER_PASSWORD);
            return o;
        };
    }

    /** Creates (once) the read-only role; tables made later by the owner (the benchmark's large registry) are readable too. */
    private static void grantReader(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + READER + "') THEN "
                    + "CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'; END IF; END $$");
            s.execute("DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO " + READER
                    + "', current_database()); END $$");
            s.execute("GRANT USAGE ON SCHEMA public TO " + READER);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READER);
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + READER);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the read-only registry role at " + url, e);
        }
    }

    private static void seed(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            for (String statement : Files.readString(seedScript()).split(";")) {
                String sql = statement.replaceAll("(?m)^--.*$", "").strip();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not seed the PostgreSQL customer registry at " + url, e);
        }
    }
}
