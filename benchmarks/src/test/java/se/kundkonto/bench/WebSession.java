package se.kundkonto.bench;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One person's browser without the browser: cookies, no automatic redirects, and a stopwatch that
 * only runs while a request is on the wire. Parsing pages on our side is left out of the numbers,
 * so a flow's time is what the server spent on it (plus loopback).
 *
 * <p>Cookies are kept by name alone: a session only ever talks to one realm on one host. Java's own
 * CookieManager will not do, since it never sends Keycloak's Secure cookies over http://localhost
 * (browsers do: localhost counts as a secure context).
 */
final class WebSession {

    /** One answer. {@code location} is set on redirects. */
    record Page(int status, URI url, String location, String body) {
        boolean isRedirect() {
            return status == 302 || status == 303;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** -Dkundkonto.bench.trace=true prints every request's time: where a slow flow spends it. */
    private static final boolean TRACE = Boolean.getBoolean("kundkonto.bench.trace");

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private long nanosOnTheWire;
    private int requests;

    Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), null);
    }

    Page postForm(String url, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))), null);
    }

    Page getWithBearer(String url, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET(), accessToken);
    }

    /** Follows redirects inside the server; stops at the first one that leaves it (e.g. to the client's callback). */
    Page follow(Page page, String leavingPrefix) {
        Page current = page;
        while (current.isRedirect() && !current.location().startsWith(leavingPrefix)) {
            current = get(current.url().resolve(current.location()).toString());
        }
        return current;
    }

    long nanosOnTheWire() {
        return nanosOnTheWire;
    }

    int requests() {
        return requests;
    }

    private Page send(HttpRequest.Builder request, String bearer) {
        request.header("Accept-Language", "sv").timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            nanosOnTheWire += System.nanoTime() - start;
            if (TRACE) {
                System.out.printf("bench-trace %7.1f ms  %s %s -> %d%n", (System.nanoTime() - start) / 1e6, built.method(),
                        built.uri().getPath(), response.statusCode());
            }
            requests++;
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return new Page(response.statusCode(), built.uri(), response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String setCookie) {
        for (HttpCookie cookie : HttpCookie.parse(setCookie)) {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
