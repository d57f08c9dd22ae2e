package se.kundkonto.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.keycloak.util.JsonSerialization;

/** Plain HTTP calls to the realm, as the portal makes them: tokens by password grant, the kundkonto API with a bearer. */
final class Api {

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        /** The header's value, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Object json() {
            try {
                return JsonSerialization.readValue(body, Object.class);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) json();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String realmUrl;

    Api(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    String token(String clientId, String clientSecret, String username, String password) {
        String form = "grant_type=password&client_id=" + enc(clientId)
                + (clientSecret == null ? "" : "&client_secret=" + enc(clientSecret)) + "&username=" + enc(username)
                + "&password=" + enc(password) + "&scope=openid";
        Reply reply = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (reply.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + reply.body());
        }
        return (String) ((Map<?, ?>) reply.json()).get("access_token");
    }

    Reply call(String method, String path, String bearer, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/kundkonto" + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            String json = body == null ? null : JsonSerialization.writeValueAsString(body);
            request.header("Content-Type", "application/json")
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request);
    }

    /** A call to any address of the server (e.g. Keycloak's admin API), without a body. */
    Reply absolute(String method, String url, String bearer) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /** A call with the body exactly as given (malformed JSON included). */
    Reply raw(String method, String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/kundkonto" + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A query string of the pairs given, each value URL-encoded: {@code ?search=a%25b&max=10}. */
    static String query(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.append(i == 0 ? '?' : '&')
                    .append(namesAndValues[i])
                    .append('=')
                    .append(enc(namesAndValues[i + 1]));
        }
        return query.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
