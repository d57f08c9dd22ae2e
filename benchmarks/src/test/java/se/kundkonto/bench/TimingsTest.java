package se.kundkonto.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimingsTest {

    private static Timings of(long... millis) {
        Timings t = new Timings();
        for (long ms : millis) {
            t.add(ms * 1_000_000, 3);
        }
        return t;
    }

    @Test
    void medianAndP90AreMeasuredValuesByNearestRank() {
        Timings t = of(50, 10, 40, 20, 30, 100, 60, 70, 80, 90);
        assertThat(t.median()).isEqualTo(50.0);
        assertThat(t.p90()).isEqualTo(90.0);
        assertThat(t.percentile(100)).isEqualTo(100.0);
        assertThat(t.percentile(1)).isEqualTo(10.0);
        assertThat(t.count()).isEqualTo(10);
        assertThat(t.requests()).isEqualTo(3);
    }

    @Test
    void oneOutlierDoesNotMoveTheMedian() {
        assertThat(of(10, 11, 12, 13, 5000).median()).isEqualTo(12.0);
    }

    @Test
    void ratioIsPackOverStockByMedians() {
        assertThat(Timings.ratio(of(30, 30, 30), of(20, 20, 20))).isCloseTo(1.5, within(1e-9));
        assertThat(Timings.ratio(of(10), of(20))).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void sub_millisecondTimesAreKept() {
        Timings t = new Timings();
        t.add(250_000, 1);
        assertThat(t.median()).isEqualTo(0.25);
    }

    @Test
    void nothingMeasuredIsAnError() {
        assertThatThrownBy(() -> new Timings().median()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIntervalHoldsZeroForTheSameTimesAndNotForClearlyDifferentOnes() {
        Timings a = of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21);
        Timings same = of(21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10);
        double[] none = Timings.medianDifferenceInterval(a, same, 2000, 1);
        assertThat(none[0]).isLessThanOrEqualTo(0.0);
        assertThat(none[1]).isGreaterThanOrEqualTo(0.0);

        Timings slower = of(30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41);
        double[] clear = Timings.medianDifferenceInterval(slower, a, 2000, 1);
        assertThat(clear[0]).as("lower bound").isGreaterThan(10.0);
        assertThat(clear[1]).as("upper bound").isLessThan(30.0);
    }

    @Test
    void theIntervalIsReproducibleWithTheSameSeed() {
        Timings a = of(5, 9, 7, 12, 6, 8);
        Timings b = of(6, 7, 8, 9, 10, 11);
        assertThat(Timings.medianDifferenceInterval(a, b, 500, 42))
                .containsExactly(Timings.medianDifferenceInterval(a, b, 500, 42));
    }
}
