package se.kundkonto.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keycloak's admin REST API and the pack's REST API, called on a chosen node: a realm admin's (master
 * {@code admin}) or a customer Admin's bearer token.
 */
final class RealmAdmin {

    record Reply(int status, String body) {
        JsonNode json() {
            return Portal.json(body);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RealmAdmin() {}

    /** A master-realm admin token (admin-cli, password grant), fetched from the given node. */
    static String adminToken(KeycloakNode node) {
        Reply r = send(
                "POST",
                node.baseUrl() + "/realms/master/protocol/openid-connect/token",
                null,
                "grant_type=password&client_id=admin-cli&username=" + TwoNodeCluster.ADMIN + "&password="
                        + TwoNodeCluster.ADMIN_PASSWORD,
                "application/x-www-form-urlencoded");
        if (r.status() != 200) {
            throw new AssertionError("no admin token: " + r);
        }
        return r.json().path("access_token").asText();
    }

    /** {@code GET|DELETE /admin/realms/kundportal/kundkonto-guess-locks/{number}} on the node. */
    static Reply guessLock(KeycloakNode node, String method, String number) {
        return send(
                method,
                node.baseUrl() + "/admin" + Portal.REALM_PATH + "/kundkonto-guess-locks/" + number,
                adminToken(node),
                null,
                null);
    }

    /** A call of the pack's customer-Admin API ({@code /realms/kundportal/kundkonto…}) on the node. */
    static Reply customerApi(KeycloakNode node, String method, String path, String bearer, String json) {
        return send(
                method,
                node.baseUrl() + Portal.REALM_PATH + "/kundkonto" + path,
                bearer,
                json,
                json == null ? null : "application/json");
    }

    static Reply send(String method, String url, String bearer, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new Person.NoAnswer(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
