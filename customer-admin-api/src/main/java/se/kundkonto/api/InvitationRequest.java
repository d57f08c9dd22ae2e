package se.kundkonto.api;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.util.ResolveRelative;
import org.keycloak.utils.EmailValidationUtil;

import se.kundkonto.accounts.CustomerRole;

/**
 * The body of "invite a person": {@code email}, {@code role} ("Admin" or "User") and optionally
 * {@code redirectUri}, where the link ends after accepting. It must be one of the calling client's
 * redirect URIs; without it the client's base URL is used.
 */
record InvitationRequest(String email, CustomerRole role, String redirectUri) {

    static InvitationRequest parse(KeycloakSession session, ClientModel client, JsonNode body) {
        String address = RequestJson.string(body, "email", "invalid_email", "email must be a valid e-mail address.")
                .map(String::strip)
                .orElse(null);
        if (address == null || !EmailValidationUtil.isValidEmail(address)) {
            throw new InvalidInput("invalid_email", "email must be a valid e-mail address.");
        }
        CustomerRole role =
                Roles.parse(RequestJson.string(body, "role", "invalid_role", "role must be \"Admin\" or \"User\".")
                        .orElse(null));
        String requested = RequestJson.string(
                        body, "redirectUri", "invalid_redirect_uri", "redirectUri must be a string.")
                .orElse(null);
        String candidate = requested != null ? requested : baseUrl(session, client);
        String verified = candidate == null || client == null
                ? null
                : RedirectUtils.verifyRedirectUri(session, candidate, client, false);
        if (verified == null) {
            throw new InvalidInput(
                    "invalid_redirect_uri",
                    "redirectUri must be one of the client's redirect URIs (the client has no base URL to fall back on).");
        }
        return new InvitationRequest(address.toLowerCase(Locale.ROOT), role, verified);
    }

    private static String baseUrl(KeycloakSession session, ClientModel client) {
        if (client == null || client.getBaseUrl() == null || client.getBaseUrl().isBlank()) {
            return null;
        }
        return ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), client.getBaseUrl());
    }
}
