package se.kundkonto.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run written down as Markdown: the setting, then one row per flow with both sides and the ratio. */
final class BenchmarkReport {

    record Row(String flow, String stockDoes, String packDoes, Timings stock, Timings pack) {}

    private BenchmarkReport() {}

    static String markdown(Map<String, String> setting, List<Row> rows) {
        StringBuilder md = new StringBuilder("# kundkonto benchmark: the pack's flows against stock Keycloak\n\n");
        setting.forEach(
                (k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("""

                Times are milliseconds on the wire (server work plus loopback), per run of the whole flow; the
                ratio is the pack's median over stock's. A ratio says what the pack costs on top of Keycloak on
                this machine in this run; it is not a promise about production hardware.

                | Flow | Stock median | Stock p90 | Pack median | Pack p90 | Ratio | Requests (stock/pack) |
                |---|---:|---:|---:|---:|---:|---:|
                """);
        for (Row row : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f | %.1f | **%.2f** | %d / %d |%n",
                    row.flow(),
                    row.stock().median(),
                    row.stock().p90(),
                    row.pack().median(),
                    row.pack().p90(),
                    Timings.ratio(row.pack(), row.stock()),
                    row.stock().requests(),
                    row.pack().requests()));
        }
        md.append("\nWhat each side does:\n\n");
        for (Row row : rows) {
            md.append("- **")
                    .append(row.flow())
                    .append("** — stock: ")
                    .append(row.stockDoes())
                    .append("; pack: ")
                    .append(row.packDoes())
                    .append('\n');
        }
        return md.toString();
    }

    /** One entry point of the parity measurement; {@code locked} when its throttle could not be opened for it. */
    record ParityRow(String entryPoint, Timings known, Timings unknown, boolean locked) {}

    /** The pack alone: does a wrong answer come faster or slower when the customer number exists? */
    static String parityMarkdown(List<ParityRow> rows) {
        StringBuilder md = new StringBuilder("""

                ## Timing parity of wrong guesses (the pack alone)

                Every entry point that takes a username or customer number, asked with wrong digits (or a wrong
                password) about a customer number that exists and one that does not, alternating (throttle opened
                wide for this measurement only; only the answer to the guess is timed). The answer time must not
                tell which customer numbers exist. Milliseconds; the interval is a 95% bootstrap interval of the
                difference of medians (exists − does not exist).

                | Entry point | Exists, median | Does not exist, median | Difference | 95% interval | Reading |
                |---|---:|---:|---:|---|---|
                """);
        for (ParityRow row : rows) {
            if (row.locked() || row.known().count() == 0 || row.unknown().count() == 0) {
                md.append("| ")
                        .append(row.entryPoint())
                        .append(" | – | – | – | – | not measured: its throttle locked "
                                + "(limits not opened for this entry point) |\n");
                continue;
            }
            double[] interval = Timings.medianDifferenceInterval(row.known(), row.unknown(), 2000, 20261122L);
            boolean noDifference = interval[0] <= 0 && interval[1] >= 0;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %+.2f | %+.2f … %+.2f | %s |%n",
                    row.entryPoint(),
                    row.known().median(),
                    row.unknown().median(),
                    row.known().median() - row.unknown().median(),
                    interval[0],
                    interval[1],
                    noDifference ? "no measurable difference" : "**a measurable difference**"));
        }
        return md.toString();
    }
}
