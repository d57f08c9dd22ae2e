package se.kundkonto.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Fills the PostgreSQL customer registry with the demo customers, as the single-node tests do. */
public final class RegistrySeed {

    private RegistrySeed() {}

    /** Runs the (idempotent) seed script, statement by statement, over JDBC. */
    public static void seed(Path script) throws IOException, SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String statement : Files.readString(script).split(";")) {
                String sql = statement.replaceAll("(?m)^--.*$", "").strip();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(PrivatePostgres.jdbcUrl("kundregister"), "postgres", "postgres");
    }
}
