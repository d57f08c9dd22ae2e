package se.kundkonto.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import se.kundkonto.it.PlainHttp;

/**
 * One person's browser without the browser ({@link PlainHttp}: cookies, no automatic redirects), with a
 * stopwatch that only runs while a request is on the wire. Parsing pages on our side is left out of the
 * numbers, so a flow's time is what the server spent on it (plus loopback).
 */
final class WebSession extends PlainHttp {

    /** -Dkundkonto.bench.trace=true prints every request's time: where a slow flow spends it. */
    private static final boolean TRACE = Boolean.getBoolean("kundkonto.bench.trace");

    /** One request as it went over the wire, for a caller that times one request inside a longer journey. */
    record Request(String method, String path, long nanos) {}

    private long nanosOnTheWire;
    private int requests;
    private List<Request> log;

    /** A session that also keeps every request ({@link #log()}); the others keep only the totals. */
    static WebSession recording() {
        WebSession web = new WebSession();
        web.log = new ArrayList<>();
        return web;
    }

    List<Request> log() {
        return log == null ? List.of() : List.copyOf(log);
    }

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
        if (log != null) {
            log.add(new Request(request.method(), request.uri().getPath(), nanos));
        }
        if (TRACE) {
            System.out.printf(
                    "bench-trace %7.1f ms  %s %s -> %d%n",
                    nanos / 1e6, request.method(), request.uri().getPath(), status);
        }
    }
}
