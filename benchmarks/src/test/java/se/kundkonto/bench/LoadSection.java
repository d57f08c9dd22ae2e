package se.kundkonto.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import se.kundkonto.bench.Journeys.Person;

/**
 * Issue 12's P1: login throughput under concurrency, the pack against stock. {@code threads} client
 * threads each run complete logins (login page, login POST, code exchange; a fresh browser each time)
 * for {@code seconds}, on one side and then on the other (one untimed phase per side first); rounds
 * alternate which side goes first. Only
 * completed logins count; a login that breaks is kept and fails the run. Never asserted on a rate.
 */
final class LoadSection {

    /** {@code -Dkundkonto.bench.load.threads}, {@code .seconds} (per side and round), {@code .rounds}. */
    record Settings(int threads, int seconds, int rounds) {
        static Settings fromSystem() {
            return new Settings(
                    Integer.getInteger("kundkonto.bench.load.threads", 4),
                    Integer.getInteger("kundkonto.bench.load.seconds", 5),
                    Integer.getInteger("kundkonto.bench.load.rounds", 2));
        }

        boolean on() {
            return threads > 0 && seconds > 0 && rounds > 0;
        }
    }

    /** One side's totals over all rounds, and each round's rate (drift shows there). */
    static final class Throughput {
        long logins;
        long nanos;
        final Timings latency = new Timings();
        final List<Double> rounds = new ArrayList<>();

        double perSecond() {
            return nanos == 0 ? 0 : logins / (nanos / 1e9);
        }
    }

    private final Settings settings;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    LoadSection(Settings settings) {
        this.settings = settings;
    }

    /**
     * Who logs in on each side: one person per thread, each with one customer account (the pack needs no
     * picker). Not one person for all threads: with brute-force protection on, Keycloak refuses concurrent
     * logins of one user by default ("user_temporarily_disabled", on stock as on the pack).
     */
    String run(Side pack, Side stock, Map<Side, List<Person>> who) {
        Map<Side, Throughput> totals = new LinkedHashMap<>();
        totals.put(stock, new Throughput());
        totals.put(pack, new Throughput());
        who.values().forEach(people -> {
            if (people.size() < settings.threads()) {
                throw new IllegalArgumentException(
                        "one person per thread: " + settings.threads() + " threads, " + people.size() + " people");
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            // One untimed phase per side first: the server's code paths under concurrency warm up (a run with
            // one second of it showed the rate still climbing round after round, which favours whichever side goes
            // second).
            for (Side side : List.of(pack, stock)) {
                phase(pool, side, who.get(side), settings.seconds(), new Throughput());
            }
            for (int round = 0; round < settings.rounds(); round++) {
                for (Side side : round % 2 == 0 ? List.of(pack, stock) : List.of(stock, pack)) {
                    phase(pool, side, who.get(side), settings.seconds(), totals.get(side));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    failures.size() + " logins broke under load; the first: " + failures.peek());
        }
        return markdown(totals.get(pack), totals.get(stock));
    }

    /** All threads log in on {@code side} until the time is up; adds what completed to {@code total}. */
    private void phase(ExecutorService pool, Side side, List<Person> people, int seconds, Throughput total) {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<List<Long>>> threads = new ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) {
            Person person = people.get(t);
            threads.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                while (System.nanoTime() < end) {
                    WebSession web = new WebSession();
                    long before = System.nanoTime();
                    try {
                        Journeys.login(side, web, person);
                        times.add(System.nanoTime() - before);
                    } catch (RuntimeException e) {
                        failures.add(side + ": " + e.getMessage());
                    }
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> thread : threads) {
            try {
                all.addAll(thread.get());
            } catch (Exception e) {
                throw new IllegalStateException("a load thread died", e);
            }
        }
        long nanos = System.nanoTime() - start; // the phase ends when the last thread's login came back
        total.nanos += nanos;
        total.logins += all.size();
        total.rounds.add(all.size() / (nanos / 1e9));
        all.forEach(n -> total.latency.add(n, 3));
    }

    private String markdown(Throughput pack, Throughput stock) {
        StringBuilder md = new StringBuilder("""

                ## Load: logins per second under concurrency (P1, measured, not asserted)

                """);
        md.append(String.format(
                Locale.ROOT,
                "- Runs: %d client threads, each doing complete logins (login page, login POST, code "
                        + "exchange; a fresh browser every time) as fast as the server answers, %d s per side and round, %d rounds "
                        + "alternating which side goes first, after one untimed phase per side%n",
                settings.threads(),
                settings.seconds(),
                settings.rounds()));
        md.append(
                "- Who: one person per thread on each side, each with one customer account (the pack: no picker; Keycloak refuses "
                        + "concurrent logins of one user under brute-force protection); the client threads share the machine's cores with the server\n\n");
        md.append("| | Stock | Pack | Ratio (pack / stock) |\n|---|---:|---:|---:|\n");
        md.append(String.format(
                Locale.ROOT,
                "| logins per second | %.1f | %.1f | **%.2f** |%n",
                stock.perSecond(),
                pack.perSecond(),
                pack.perSecond() / stock.perSecond()));
        md.append(String.format(Locale.ROOT, "| logins completed | %d | %d | |%n", stock.logins, pack.logins));
        for (int r = 0; r < settings.rounds(); r++) {
            md.append(String.format(
                    Locale.ROOT,
                    "| round %d (%s first), logins per second | %.1f | %.1f | %.2f |%n",
                    r + 1,
                    r % 2 == 0 ? "pack" : "stock",
                    stock.rounds.get(r),
                    pack.rounds.get(r),
                    pack.rounds.get(r) / stock.rounds.get(r)));
        }
        if (stock.latency.count() > 0 && pack.latency.count() > 0) {
            md.append(String.format(
                    Locale.ROOT,
                    "| one login, median ms (p90) | %.1f (%.1f) | %.1f (%.1f) | %.2f |%n",
                    stock.latency.median(),
                    stock.latency.p90(),
                    pack.latency.median(),
                    pack.latency.p90(),
                    Timings.ratio(pack.latency, stock.latency)));
        }
        return md.toString();
    }
}
