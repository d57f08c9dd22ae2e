package se.kundkonto.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Moves the test server's clock (the test framework's time-offset provider, deployed on the test
 * server only), so expiry can be tested without waiting.
 */
final class ServerClock implements AutoCloseable {

    private static final URI ENDPOINT = URI.create("http://localhost:8080/realms/master/testing-timeoffset");

    private ServerClock() {
        this(false);
    }

    static ServerClock shiftedBy(int seconds) {
        set(seconds, false);
        return new ServerClock();
    }

    /** Also moves the clock of Keycloak's Infinispan caches, so entries with a lifespan (single-use store) expire. */
    static ServerClock shiftedWithCachesBy(int seconds) {
        set(seconds, true);
        return new ServerClock(true);
    }

    private final boolean caches;

    private ServerClock(boolean caches) {
        this.caches = caches;
    }

    /** Moves a clock from {@link #shiftedWithCachesBy} again. */
    void shiftTo(int seconds) {
        set(seconds, caches);
    }

    @Override
    public void close() {
        set(0, caches);
    }

    private static void set(int seconds, boolean caches) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(ENDPOINT)
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(
                                            "{\"offset\": " + seconds + (caches ? ", \"caches\": true" : "") + "}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("time offset refused: " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
