package se.kundkonto.bench;

import java.net.http.HttpRequest;

import se.kundkonto.it.PlainHttp;

/**
 * One person's browser without the browser ({@link PlainHttp}: cookies, no automatic redirects), with a
 * stopwatch that only runs while a request is on the wire. Parsing pages on our side is left out of the
 * numbers, so a flow's time is what the server spent on it (plus loopback).
 */
final class WebSession extends PlainHttp {

    /** -Dkundkonto.bench.trace=true prints every request's time: where a slow flow spends it. */
    private static final boolean TRACE = Boolean.getBoolean("kundkonto.bench.trace");

    private long nanosOnTheWire;
    private int requests;

    long nanosOnTheWire() {
        return nanosOnTheWire;
    }

    int requests() {
        return requests;
    }

    @Override
    protected void answered(HttpRequest request, int status, long nanos) {
        nanosOnTheWire += nanos;
        requests++;
        if (TRACE) {
            System.out.printf("bench-trace %7.1f ms  %s %s -> %d%n", nanos / 1e6, request.method(), request.uri().getPath(), status);
        }
    }
}
