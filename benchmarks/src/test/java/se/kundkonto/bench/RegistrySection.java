package se.kundkonto.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import se.kundkonto.it.RegistryDatabase;

/**
 * Issue 12's P4: the verification of a customer (the verification page's POST, whose work is one registry
 * lookup) against a registry of 1,000,000 customers and one of 10, on PostgreSQL. Both registries live in
 * the registry database next to each other; the one being measured is the table the server reads
 * ({@code customer_registry}), the other waits under another name, and rounds swap them (two renames in one
 * transaction) so small and large alternate like everything else in the harness. Untimed checks prove the
 * server reads the table it should: before every large round a number only the large registry holds is
 * verified, and before the first two small rounds (warm-up and first measured) it is rejected. Runs in the
 * pack's realm as shipped, guess limits included: only those two checks are wrong answers (the shipped
 * limits allow 5 per number and 20 per client address in 15 minutes, and every right answer here frees
 * the number's window again). Not in the parity realm: its limits, opened to a million, make every right
 * answer free a million slots ({@code GuessThrottle.Attempt.succeeded}), about 150 ms a verification there,
 * which is that realm's set-up and not the pack's cost. Nothing is asserted on a time.
 */
final class RegistrySection {

    /** {@code -Dkundkonto.bench.registry.size} (0: off), {@code .iterations} per case, {@code .rounds}. */
    record Settings(int size, int iterations, int rounds) {
        static Settings fromSystem() {
            return new Settings(
                    Integer.getInteger("kundkonto.bench.registry.size", 1_000_000),
                    Integer.getInteger("kundkonto.bench.registry.iterations", 200),
                    Integer.getInteger("kundkonto.bench.registry.rounds", 10));
        }

        /** Only where the test can reach the registry: PostgreSQL (the H2 registry lives inside the server). */
        boolean on() {
            return size > SMALL && RegistryDatabase.isPostgres();
        }
    }

    static final int SMALL = 10;
    static final String TABLE = "customer_registry";
    private static final String LARGE = "kundkonto_bench_registry_large";
    private static final String PARKED = "kundkonto_bench_registry_parked";
    /** Generated customers: numbers from 10000001 on, all with one valid organisation number (the lookup is by number). */
    private static final long FIRST = 10_000_000L;

    private static final String ORG_NUMBER = "556012-3456";
    private static final String DIGITS = "3456";
    static final String STEP = "verification POST (registry lookup)";

    private final Settings settings;
    private final Side side;
    private final Random random = new Random(20261201L);
    private boolean largeInPlace;
    private int warmup;
    /** How many generated rows each registry has (the demo customers make up the rest). */
    private long smallGenerated;

    private long largeGenerated;

    RegistrySection(Settings settings, Side side) {
        this.settings = settings;
        this.side = side;
    }

    String run(int warmupRuns) {
        this.warmup = warmupRuns;
        try (Connection db = RegistryDatabase.connect()) {
            db.setAutoCommit(true);
            long seedMillis = seed(db);
            long largeTable = oid(db, LARGE);
            long[] scansBefore = scans(db, largeTable);
            Timings small = new Timings();
            Timings large = new Timings();
            int perRound = Math.max(1, (settings.iterations() + settings.rounds() - 1) / settings.rounds());
            for (int round = -1; round < settings.rounds(); round++) { // round -1: warm-up, both cases
                for (boolean useLarge : round % 2 == 0 ? List.of(false, true) : List.of(true, false)) {
                    place(db, useLarge);
                    if (useLarge || round < 1) {
                        check(useLarge);
                    }
                    int count = round < 0 ? warmup : perRound;
                    for (int i = 0; i < count; i++) {
                        long nanos = Journeys.verified(side, new WebSession(), pick(useLarge), DIGITS);
                        if (round >= 0) {
                            (useLarge ? large : small).add(nanos, 1);
                        }
                    }
                }
            }
            place(db, true);
            List<String> plan = explain(db);
            Thread.sleep(11_000); // PostgreSQL publishes a backend's table statistics at most every 10 s when it idles
            long[] scansAfter = scans(db, largeTable);
            String md = markdown(
                    small, large, seedMillis, plan, scansAfter[0] - scansBefore[0], scansAfter[1] - scansBefore[1]);
            cleanUp(db);
            return md;
        } catch (SQLException e) {
            throw new IllegalStateException("the registry section could not use the PostgreSQL registry", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The small registry is the server's own table filled up to 10 rows; the large one a copy of its shape
     * ({@code LIKE … INCLUDING ALL}: columns, primary key, any index the operator made) with the same rows
     * plus generated ones up to the size, in one {@code INSERT … SELECT generate_series}. Returns milliseconds.
     */
    private long seed(Connection db) throws SQLException {
        long start = System.nanoTime();
        restore(db);
        long demo = count(db, TABLE);
        smallGenerated = Math.max(1, SMALL - demo);
        largeGenerated = settings.size() - demo;
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + LARGE);
            s.execute("INSERT INTO " + TABLE + " (customer_number, org_number, company_name, active) "
                    + generated(smallGenerated) + " ON CONFLICT (customer_number) DO NOTHING");
            s.execute("CREATE TABLE " + LARGE + " (LIKE " + TABLE + " INCLUDING ALL)");
            s.execute("INSERT INTO " + LARGE + " SELECT * FROM " + TABLE);
            s.execute("INSERT INTO " + LARGE + " (customer_number, org_number, company_name, active) "
                    + generated(largeGenerated) + " ON CONFLICT (customer_number) DO NOTHING");
            s.execute("ANALYZE " + LARGE);
            s.execute("ANALYZE " + TABLE);
        }
        if (count(db, LARGE) != settings.size() || count(db, TABLE) != Math.max(SMALL, demo + smallGenerated)) {
            throw new IllegalStateException(
                    "the registries were not seeded to " + SMALL + " and " + settings.size() + " rows");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String generated(long rows) {
        return "SELECT (" + FIRST + " + g)::text, '" + ORG_NUMBER + "', 'Bänkkund ' || g, TRUE FROM generate_series(1, "
                + rows + ") AS g";
    }

    /** A run that died half-way may have left the large registry in place or the small one parked: put things back. */
    private static void restore(Connection db) throws SQLException {
        if (exists(db, PARKED)) {
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE " + TABLE);
                s.execute("ALTER TABLE " + PARKED + " RENAME TO " + TABLE);
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM " + TABLE
                    + " WHERE customer_number ~ '^1[0-9]{7}$' AND company_name LIKE 'Bänkkund %'");
        }
    }

    /** Makes the large (or small) registry the table the server reads: two renames in one transaction. */
    private void place(Connection db, boolean large) throws SQLException {
        if (large == largeInPlace) {
            return;
        }
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            if (large) {
                s.execute("ALTER TABLE " + TABLE + " RENAME TO " + PARKED);
                s.execute("ALTER TABLE " + LARGE + " RENAME TO " + TABLE);
            } else {
                s.execute("ALTER TABLE " + TABLE + " RENAME TO " + LARGE);
                s.execute("ALTER TABLE " + PARKED + " RENAME TO " + TABLE);
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        largeInPlace = large;
    }

    /** The last generated number is only in the large registry: verified there, rejected against the small one (one wrong answer). */
    private void check(boolean large) {
        String onlyInLarge = Long.toString(FIRST + largeGenerated);
        if (large) {
            Journeys.verified(side, new WebSession(), onlyInLarge, DIGITS);
        } else {
            Journeys.verificationGuess(side, new WebSession(), onlyInLarge);
        }
    }

    private String pick(boolean large) {
        long n = 1 + (long) (random.nextDouble() * (large ? largeGenerated : smallGenerated));
        return Long.toString(FIRST + Math.min(n, large ? largeGenerated : smallGenerated));
    }

    /** The plan of the lookup the server makes (Hibernate's {@code find} by primary key), on the large registry. */
    private List<String> explain(Connection db) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement s =
                db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) SELECT customer_number, active, company_name, "
                        + "org_number FROM " + TABLE + " WHERE customer_number = ?")) {
            s.setString(1, pick(true));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        return plan;
    }

    private void cleanUp(Connection db) throws SQLException {
        place(db, false);
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE " + LARGE);
        }
        restore(db);
    }

    private static long count(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean exists(Connection db, String table) throws SQLException {
        return oid(db, table) != 0;
    }

    /** The table's oid; 0 when there is no such table. */
    private static long oid(Connection db, String table) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT to_regclass(?)::oid")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sequential and index scans of one table so far (by oid: the counts follow the table through renames). */
    private static long[] scans(Connection db, long oid) throws SQLException {
        try (Statement clear = db.createStatement()) {
            clear.execute("SELECT pg_stat_clear_snapshot()");
        }
        try (PreparedStatement s = db.prepareStatement(
                "SELECT coalesce(seq_scan, 0), coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relid = ?")) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {0, 0};
            }
        }
    }

    private String markdown(
            Timings small, Timings large, long seedMillis, List<String> plan, long seqScans, long indexScans) {
        StringBuilder md = new StringBuilder("""

                ## Registry: verification against 10 customers and against %,d (P4, measured, not asserted)

                """.formatted(settings.size()));
        md.append(String.format(
                Locale.ROOT,
                "- Registry: PostgreSQL, table `%s`; the large registry seeded in %.1f s (one INSERT … SELECT "
                        + "generate_series), the two swapped by renaming between rounds%n",
                TABLE,
                seedMillis / 1000.0));
        md.append(String.format(
                Locale.ROOT,
                "- Runs: %d measured per case in %d rounds alternating which goes first, after %d warm-up each; "
                        + "a random customer of the registry each time (right digits), in the pack's realm as shipped%n",
                small.count(),
                settings.rounds(),
                warmup));
        md.append(
                "- Timed: the verification page's POST only (server work: throttle, one registry read, the registration form)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "| | %d customers | %,d customers | Ratio |%n|---|---:|---:|---:|%n",
                SMALL,
                settings.size()));
        for (int p : new int[] {50, 90, 99}) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s, p%d ms | %.2f | %.2f | **%.2f** |%n",
                    STEP,
                    p,
                    small.percentile(p),
                    large.percentile(p),
                    large.percentile(p) / small.percentile(p)));
        }
        md.append(String.format(
                Locale.ROOT,
                "%nScans of the large registry table during the run (pg_stat_user_tables): %d by index, %d "
                        + "sequential.%n%nThe lookup's plan on the large registry (`EXPLAIN (ANALYZE, BUFFERS)`, the query Hibernate's find by "
                        + "primary key makes):%n%n```%n",
                indexScans,
                seqScans));
        plan.forEach(line -> md.append(line).append('\n'));
        md.append("```\n");
        return md.toString();
    }
}
