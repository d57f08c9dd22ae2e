package se.kundkonto.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

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

    /**
     * A 95% bootstrap interval for the difference of medians (a − b), in milliseconds: both samples
     * resampled with replacement {@code resamples} times, seeded so a report can be reproduced. An
     * interval that contains 0 means the run shows no difference between a and b.
     */
    static double[] medianDifferenceInterval(Timings a, Timings b, int resamples, long seed) {
        Random random = new Random(seed);
        double[] differences = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            differences[r] = resample(a, random).median() - resample(b, random).median();
        }
        Arrays.sort(differences);
        return new double[] {
            differences[(int) (0.025 * (resamples - 1))], differences[(int) Math.ceil(0.975 * (resamples - 1))]
        };
    }

    private static Timings resample(Timings t, Random random) {
        Timings copy = new Timings();
        for (int i = 0; i < t.millis.size(); i++) {
            copy.millis.add(t.millis.get(random.nextInt(t.millis.size())));
        }
        return copy;
    }
}
