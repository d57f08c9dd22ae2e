package se.kundkonto.auth.invitation;

import java.util.Optional;

import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

import se.kundkonto.auth.organization.CustomerRole;

/**
 * An invitation that still holds: correctly signed by this realm, not expired, and its stored
 * record still there (not accepted, revoked or replaced by a newer invitation to the same address).
 */
public record Invitation(String id, OrganizationModel organization, String email, CustomerRole role) {

    /** The invitation travels as the parameter of {@code kc_action=kundkonto-accept-invitation:<token>}. */
    public static Optional<Invitation> fromAuthSession(KeycloakSession session, AuthenticationSessionModel authSession) {
        if (!AcceptInvitationRequiredAction.PROVIDER_ID.equals(authSession.getClientNote(Constants.KC_ACTION))) {
            return Optional.empty();
        }
        return read(session, authSession.getClientNote(Constants.KC_ACTION_PARAMETER));
    }

    public static Optional<Invitation> read(KeycloakSession session, String serialized) {
        if (serialized == null || serialized.isBlank()) {
            return Optional.empty();
        }
        InvitationToken token = decode(session, serialized);
        if (token == null || !InvitationToken.TOKEN_TYPE.equals(token.getActionId()) || !token.isActive()
                || token.getId() == null || token.getEmail() == null) {
            return Optional.empty();
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel org = organizations.getByAlias(token.getCustomerNumber());
        OrganizationInvitationModel stored = organizations.getInvitationManager().getById(token.getId());
        if (org == null || !org.isEnabled() || stored == null || stored.isExpired()
                || !org.getId().equals(stored.getOrganizationId()) || !token.getEmail().equalsIgnoreCase(stored.getEmail())) {
            return Optional.empty();
        }
        return CustomerRole.parse(token.getRole()).map(role -> new Invitation(stored.getId(), org, stored.getEmail(), role));
    }

    private static InvitationToken decode(KeycloakSession session, String serialized) {
        try {
            return session.tokens().decode(serialized, InvitationToken.class);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    public boolean isFor(String otherEmail) {
        return otherEmail != null && email.equalsIgnoreCase(otherEmail.strip());
    }
}
