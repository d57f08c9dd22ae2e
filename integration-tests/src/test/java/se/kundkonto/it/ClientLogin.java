package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.representations.AccessToken;
import org.keycloak.util.JsonSerialization;

/**
 * A client's own authorization-code login in plain HTTP, as the public PKCE app or the confidential portal
 * makes it: the authorization request, the login form when Keycloak asks for it, the code exchanged with the
 * PKCE verifier or the client secret.
 */
final class ClientLogin {

    /** An access token, as sent and as read. */
    record Token(String raw, AccessToken parsed) {}

    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(
                        verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final String realmUrl;

    ClientLogin(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    String authUrl(String clientId, String redirectUri, Pkce pkce) {
        return realmUrl + "/protocol/openid-connect/auth?client_id=" + enc(clientId) + "&redirect_uri="
                + enc(redirectUri)
                + "&response_type=code&scope=openid&state=own-state&ui_locales=sv"
                + (pkce == null ? "" : "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256");
    }

    static String queryParam(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }

    /** Signs in (in this cookie jar) when asked, and exchanges the code (with PKCE when there is no secret). */
    Token login(PlainHttp http, String clientId, String secret, String redirectUri, String email, String password) {
        Pkce pkce = secret == null ? Pkce.create() : null;
        PlainHttp.Page page = http.follow(http.get(authUrl(clientId, redirectUri, pkce)), redirectUri);
        if (!page.isRedirect()) {
            page = http.follow(
                    page.form("#kc-form-login")
                            .with("username", email)
                            .with("password", password)
                            .submit(http),
                    redirectUri);
        }
        assertThat(page.location()).as("back at %s", clientId).startsWith(redirectUri);
        assertThat(queryParam(page.location(), "state")).isEqualTo("own-state");
        String code = queryParam(page.location(), "code");
        assertThat(code).as("a code in %s", page.location()).isNotBlank();
        String form = "grant_type=authorization_code&client_id=" + enc(clientId) + "&code=" + enc(code)
                + "&redirect_uri=" + enc(redirectUri)
                + (pkce != null ? "&code_verifier=" + pkce.verifier() : "&client_secret=" + enc(secret));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            String accessToken = (String)
                    JsonSerialization.readValue(response.body(), Map.class).get("access_token");
            return new Token(accessToken, new JWSInput(accessToken).readJsonContent(AccessToken.class));
        } catch (IOException | JWSInputException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
