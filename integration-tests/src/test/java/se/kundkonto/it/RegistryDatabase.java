package se.kundkonto.it;

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

    private RegistryDatabase() {
    }

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
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("Could not run on the registry: " + sql, e);
        }
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
                .toAbsolutePath().normalize();
    }

    /** In-memory H2 that runs the idempotent seed script on every new connection. */
    private static Registry h2() {
        return () -> {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("db-kind-kundregister", "dev-mem");
            o.put("db-url-full-kundregister", "jdbc:h2:mem:kundregister;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '"
                    + seedScript() + "' CHARSET 'UTF-8'");
            o.put("db-username-kundregister", "sa");
            o.put("db-password-kundregister", "sa");
            return o;
        };
    }

    /** A PostgreSQL database (e.g. the private test cluster of .ci/run), seeded here over JDBC. */
    private static Registry postgres() {
        String url = url();
        String user = user();
        String password = password();
        seed(url, user, password);
        return () -> {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("db-kind-kundregister", "postgres");
            o.put("db-url-full-kundregister", url);
            o.put("db-username-kundregister", user);
            o.put("db-password-kundregister", password);
            return o;
        };
    }

    private static void seed(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
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
