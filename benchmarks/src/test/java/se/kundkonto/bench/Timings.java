package se.kundkonto.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The times of one flow on one side, in milliseconds, and the few numbers the report needs. */
final class Timings {

    private final List<Double> millis = new ArrayList<>();
    private int requests;

    void add(long nanos, int requestsInFlow) {
        millis.add(nanos / 1_000_000.0);
        requests = requestsInFlow;
    }

    int count() {
        return millis.size();
    }

    /** HTTP requests one run of the flow took (the same every run). */
    int requests() {
        return requests;
    }

    double median() {
        return percentile(50);
    }

    double p90() {
        return percentile(90);
    }

    /** Nearest-rank percentile: a value that was measured, never an interpolation. */
    double percentile(int p) {
        if (millis.isEmpty()) {
            throw new IllegalStateException("nothing measured");
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** How many times slower (above 1) or faster (below 1) {@code a} is than {@code b}, by medians (pack over stock). */
    static double ratio(Timings a, Timings b) {
        return a.median() / b.median();
    }
}
