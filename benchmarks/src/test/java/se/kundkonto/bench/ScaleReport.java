package se.kundkonto.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The scale section of the report: the pack with a small and a large case side by side, ratio = large / small. */
final class ScaleReport {

    /** One goal's comparison: which steps were timed and which pages weighed, in report order. */
    record Comparison(
            String title,
            String small,
            String large,
            Steps smallCase,
            Steps largeCase,
            List<String> steps,
            List<String> pages) {}

    private ScaleReport() {}

    static String markdown(Map<String, String> setting, List<Comparison> comparisons) {
        StringBuilder md = new StringBuilder("""

                ## Scale: the pack with a small and a large case (measured, not asserted)

                """);
        setting.forEach(
                (k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\nMilliseconds on the wire, medians (p90 in brackets); ratio = large / small by medians. "
                + "Pages: the largest answer seen, in KB.\n");
        for (Comparison c : comparisons) {
            md.append("\n### ")
                    .append(c.title())
                    .append("\n\n| | ")
                    .append(c.small())
                    .append(" | ")
                    .append(c.large())
                    .append(" | Ratio |\n|---|---:|---:|---:|\n");
            for (String step : c.steps()) {
                Timings small = c.smallCase().timings(step);
                Timings large = c.largeCase().timings(step);
                md.append("| ")
                        .append(step)
                        .append(" | ")
                        .append(millis(small))
                        .append(" | ")
                        .append(millis(large))
                        .append(" | ")
                        .append(
                                small == null || large == null
                                        ? "—"
                                        : String.format(Locale.ROOT, "**%.2f**", Timings.ratio(large, small)))
                        .append(" |\n");
            }
            for (String page : c.pages()) {
                OptionalDouble small = c.smallCase().kilobytes(page);
                OptionalDouble large = c.largeCase().kilobytes(page);
                md.append("| ")
                        .append(page)
                        .append(", KB | ")
                        .append(kb(small))
                        .append(" | ")
                        .append(kb(large))
                        .append(" | ")
                        .append(
                                small.isEmpty() || large.isEmpty()
                                        ? "—"
                                        : String.format(
                                                Locale.ROOT, "**%.2f**", large.getAsDouble() / small.getAsDouble()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String millis(Timings t) {
        return t == null ? "—" : String.format(Locale.ROOT, "%.1f (%.1f)", t.median(), t.p90());
    }

    private static String kb(OptionalDouble kb) {
        return kb.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f", kb.getAsDouble());
    }
}
