package se.kundkonto.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One case of the scale section (the small or the large one): the times of each step and the largest
 * size of each page the person saw. Warm-up runs go through the same code but are not recorded, so a
 * warm-up and a measured run cannot drift apart.
 */
final class Steps {

    private final Map<String, Timings> times = new LinkedHashMap<>();
    private final Map<String, Long> pageBytes = new LinkedHashMap<>();
    private boolean recording;

    /** Off during warm-up. */
    void recording(boolean on) {
        recording = on;
    }

    void time(String step, long nanos, int requests) {
        if (recording) {
            times.computeIfAbsent(step, s -> new Timings()).add(nanos, requests);
        }
    }

    /** Keeps the largest answer seen for the page: a page that grows with the data shows at its worst. */
    void page(String name, String body) {
        if (recording) {
            pageBytes.merge(name, (long) body.getBytes(StandardCharsets.UTF_8).length, Math::max);
        }
    }

    /** Null when this case never took the step (one customer account: no picker). */
    Timings timings(String step) {
        return times.get(step);
    }

    /** The page's size in KB (1,024 bytes); empty when this case never saw it. */
    OptionalDouble kilobytes(String page) {
        Long bytes = pageBytes.get(page);
        return bytes == null ? OptionalDouble.empty() : OptionalDouble.of(bytes / 1024.0);
    }
}
