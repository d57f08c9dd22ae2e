package se.kundkonto.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo's customer-service person in realm {@code kundportal}: may view users (realm-management
 * {@code view-users}), so the uptake report opens for them. Made through the admin REST API once the
 * server is up, never in the realm export: an export with a known password would be one in production too.
 */
final class DemoStaff {

    static final String EMAIL = "kundtjanst@kundportal.example";
    static final String PASSWORD = "Kundtjanst-demo-2026";

    private static final String BASE = "http://localhost:8080";
    private static final String ADMIN = BASE + "/admin/realms/kundportal";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;

    private DemoStaff(String token) {
        this.token = token;
    }

    /** Creates the person unless they exist (a demo restarted on its data keeps them). */
    static void ensure() throws IOException, InterruptedException {
        new DemoStaff(adminToken()).create();
    }

    private static String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(BASE + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(expect(answer, 200)).get("access_token").asText();
    }

    private void create() throws IOException, InterruptedException {
        if (get("/users?exact=true&email=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8))
                        .size()
                > 0) {
            return;
        }
        Map<String, Object> user = Map.of(
                "username",
                EMAIL,
                "email",
                EMAIL,
                "emailVerified",
                true,
                "enabled",
                true,
                "firstName",
                "Kund",
                "lastName",
                "Tjänst",
                "attributes",
                Map.of("phoneNumber", List.of("070-000 00 00")),
                "credentials",
                List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        expect(send("POST", "/users", user), 201);
        String userId = get("/users?exact=true&email=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8))
                .get(0)
                .get("id")
                .asText();
        String management =
                get("/clients?clientId=realm-management").get(0).get("id").asText();
        JsonNode viewUsers = get("/clients/" + management + "/roles/view-users");
        expect(send("POST", "/users/" + userId + "/role-mappings/clients/" + management, List.of(viewUsers)), 204);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(expect(send("GET", path, null), 200));
    }

    private HttpResponse<String> send(String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(ADMIN + path)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " "
                    + answer.request().uri() + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }
}
