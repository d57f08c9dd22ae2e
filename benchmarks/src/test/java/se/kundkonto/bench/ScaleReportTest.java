package se.kundkonto.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScaleReportTest {

    private static Steps recording() {
        Steps s = new Steps();
        s.recording(true);
        return s;
    }

    @Test
    void warmUpRunsAreNotRecorded() {
        Steps s = new Steps();
        s.time("refresh", 5_000_000, 1);
        s.page("picker", "x".repeat(2048));
        assertThat(s.timings("refresh")).isNull();
        assertThat(s.kilobytes("picker")).isEmpty();

        s.recording(true);
        s.time("refresh", 7_000_000, 1);
        assertThat(s.timings("refresh").count()).isEqualTo(1);
        assertThat(s.timings("refresh").median()).isEqualTo(7.0);
    }

    @Test
    void aPageWeighsItsLargestAnswerInKilobytesOfUtf8() {
        Steps s = recording();
        s.page("picker", "x".repeat(1024));
        s.page("picker", "å".repeat(1024)); // two bytes each in UTF-8
        s.page("picker", "x".repeat(10));
        assertThat(s.kilobytes("picker").getAsDouble()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void ratiosAreLargeOverSmallAndAStepOnlyTheLargeCaseTookHasNone() {
        Steps small = recording();
        Steps large = recording();
        for (long ms : new long[] {10, 20, 30}) {
            small.time("login POST", ms * 1_000_000, 2);
            large.time("login POST", ms * 3_000_000, 2);
        }
        large.time("picker choice", 8_600_000_000L, 2);
        small.page("login page", "x".repeat(4096));
        large.page("login page", "x".repeat(4096));
        large.page("picker", "x".repeat(577 * 1024));

        String md = ScaleReport.markdown(
                Map.of("Accounts", "1 vs 1000"),
                List.of(new ScaleReport.Comparison(
                        "P3",
                        "1 account",
                        "1000 accounts",
                        small,
                        large,
                        List.of("login POST", "picker choice"),
                        List.of("login page", "picker"))));

        assertThat(md)
                .contains("- Accounts: 1 vs 1000")
                .contains("| 1 account | 1000 accounts | Ratio |")
                .contains("| login POST | 20.0 (30.0) | 60.0 (90.0) | **3.00** |")
                .contains("| picker choice | — | 8600.0 (8600.0) | — |")
                .contains("| login page, KB | 4.0 | 4.0 | **1.00** |")
                .contains("| picker, KB | — | 577.0 | — |");
    }
}
