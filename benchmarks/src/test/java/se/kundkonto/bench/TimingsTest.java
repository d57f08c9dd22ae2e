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
}
