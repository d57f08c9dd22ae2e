package se.kundkonto.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run written down as Markdown: the setting, then one row per flow with both sides and the ratio. */
final class BenchmarkReport {

    record Row(String flow, String stockDoes, String packDoes, Timings stock, Timings pack) {
    }

    private BenchmarkReport() {
    }

    static String markdown(Map<String, String> setting, List<Row> rows) {
        StringBuilder md = new StringBuilder("# kundkonto benchmark: the pack's flows against stock Keycloak\n\n");
        setting.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("""

                Times are milliseconds on the wire (server work plus loopback), per run of the whole flow; the
                ratio is the pack's median over stock's. A ratio says what the pack costs on top of Keycloak on
                this machine in this run; it is not a promise about production hardware.

                | Flow | Stock median | Stock p90 | Pack median | Pack p90 | Ratio | Requests (stock/pack) |
                |---|---:|---:|---:|---:|---:|---:|
                """);
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | **%.2f** | %d / %d |%n", row.flow(),
                    row.stock().median(), row.stock().p90(), row.pack().median(), row.pack().p90(),
                    Timings.ratio(row.pack(), row.stock()), row.stock().requests(), row.pack().requests()));
        }
        md.append("\nWhat each side does:\n\n");
        for (Row row : rows) {
            md.append("- **").append(row.flow()).append("** — stock: ").append(row.stockDoes()).append("; pack: ").append(row.packDoes()).append('\n');
        }
        return md.toString();
    }

    /** The pack alone: does a wrong guess answer faster or slower when the customer number exists? */
    static String parityMarkdown(Timings known, Timings unknown) {
        double[] interval = Timings.medianDifferenceInterval(known, unknown, 2000, 20261122L);
        boolean noDifference = interval[0] <= 0 && interval[1] >= 0;
        return String.format(Locale.ROOT, """

                ## Timing parity of wrong guesses (the pack alone)

                The old company login with wrong digits, for a customer number that exists and one that does not
                (throttle opened wide for this measurement only; only the guess is timed). The answer time must
                not tell which customer numbers exist.

                | Customer number | Median | p90 |
                |---|---:|---:|
                | exists | %.2f | %.2f |
                | does not exist | %.2f | %.2f |

                Ratio exists / does not exist: **%.2f**. Difference of medians: %+.2f ms, 95%% bootstrap interval
                %+.2f … %+.2f ms: %s.
                """, known.median(), known.p90(), unknown.median(), unknown.p90(), Timings.ratio(known, unknown),
                known.median() - unknown.median(), interval[0], interval[1],
                noDifference ? "**no measurable difference** in this run" : "**a measurable difference** in this run");
    }
}
