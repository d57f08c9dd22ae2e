package se.kundkonto.bench;

/** Splits one journey in a {@link WebSession} into steps: each call records what went over the wire since the last. */
final class Lap {

    private final WebSession web;
    private final Steps steps;
    private long nanos;
    private int requests;

    Lap(WebSession web, Steps steps) {
        this.web = web;
        this.steps = steps;
        skip();
    }

    /** Records the time since the last lap as {@code step}. */
    void of(String step) {
        steps.time(step, web.nanosOnTheWire() - nanos, web.requests() - requests);
        skip();
    }

    /** Forgets the time since the last lap (set-up between measured steps). */
    void skip() {
        nanos = web.nanosOnTheWire();
        requests = web.requests();
    }
}
