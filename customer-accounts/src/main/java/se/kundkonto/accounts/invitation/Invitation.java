package se.kundkonto.accounts.invitation;

import java.util.Optional;

import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.CustomerRole;

/**
 * An invitation that still holds: correctly signed by this realm, not expired, its stored record still
 * there (not accepted, revoked or replaced by a newer invitation to the same address), and the Admin
 * who sent it still an Admin of that customer account.
 *
 * <p>Why the inviter is re-checked here, at use, rather than their invitations withdrawn when they stop
 * being Admin: an Admin stops being one in many ways (demoted or removed through the API, by a realm
 * admin in the admin console, user deleted or disabled), and only some of them pass through our code.
 * This is the one place every invitation is honoured, so one check covers them all.
 */
public record Invitation(String id, OrganizationModel organization, String email, CustomerRole role, boolean vouched) {

    /** The required action that accepts an invitation, run as {@code kc_action=<this>} with the token as its parameter. */
    public static final String KC_ACTION = "kundkonto-accept-invitation";

    /**
     * Where the e-mailed link points: {@code /realms/{realm}/kundkonto-invitation?key=<token>}, a page of the pack
     * that starts the sign-in or registration itself (no client's authorization request, so no client's PKCE).
     */
    public static final String LINK_PATH = "kundkonto-invitation";

    public static final String LINK_KEY = "key";

    /** The invitation travels as the parameter of {@code kc_action=kundkonto-accept-invitation:<token>}. */
    public static Optional<Invitation> fromAuthSession(
            KeycloakSession session, AuthenticationSessionModel authSession) {
        return anyFromAuthSession(session, authSession).filter(Invitation::vouched);
    }

    /** Also an invitation whose inviter is no longer Admin, so that a page can say why it no longer holds. */
    public static Optional<Invitation> anyFromAuthSession(
            KeycloakSession session, AuthenticationSessionModel authSession) {
        if (!KC_ACTION.equals(authSession.getClientNote(Constants.KC_ACTION))) {
            return Optional.empty();
        }
        return readAny(session, authSession.getClientNote(Constants.KC_ACTION_PARAMETER));
    }

    public static Optional<Invitation> read(KeycloakSession session, String serialized) {
        return readAny(session, serialized).filter(Invitation::vouched);
    }

    private static Optional<Invitation> readAny(KeycloakSession session, String serialized) {
        if (serialized == null || serialized.isBlank()) {
            return Optional.empty();
        }
        InvitationToken token = signedToken(session, serialized);
        if (token == null || !token.isActive()) {
            return Optional.empty();
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel org = organizations.getByAlias(token.getCustomerNumber());
        OrganizationInvitationModel stored =
                organizations.getInvitationManager().getById(token.getId());
        if (org == null
                || !org.isEnabled()
                || stored == null
                || stored.isExpired()
                || !org.getId().equals(stored.getOrganizationId())
                || !token.getEmail().equalsIgnoreCase(stored.getEmail())) {
            return Optional.empty();
        }
        boolean vouched = inviterIsAdmin(session, org, token.getInviterId());
        return CustomerRole.parse(token.getRole())
                .map(role -> new Invitation(stored.getId(), org, stored.getEmail(), role, vouched));
    }

    /** A link from before the inviter was recorded has nobody vouching for it any more. */
    private static boolean inviterIsAdmin(KeycloakSession session, OrganizationModel org, String inviterId) {
        UserModel inviter = inviterId == null
                ? null
                : session.users().getUserById(session.getContext().getRealm(), inviterId);
        if (inviter == null || !inviter.isEnabled()) {
            return false;
        }
        return new CustomerAccounts(session).isAdminNow(org, inviter);
    }

    /**
     * The customer account an invitation in this authentication session is for, read from the signed token
     * alone (the stored record is not touched), so that a caller can take the account's lock before the
     * invitation is judged: then a removal of the inviter, or an acceptance elsewhere, is either already
     * committed and seen, or waits.
     */
    public static Optional<OrganizationModel> organizationOf(
            KeycloakSession session, AuthenticationSessionModel authSession) {
        if (!KC_ACTION.equals(authSession.getClientNote(Constants.KC_ACTION))) {
            return Optional.empty();
        }
        String serialized = authSession.getClientNote(Constants.KC_ACTION_PARAMETER);
        InvitationToken token = serialized == null || serialized.isBlank() ? null : signedToken(session, serialized);
        if (token == null || token.getCustomerNumber() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                session.getProvider(OrganizationProvider.class).getByAlias(token.getCustomerNumber()));
    }

    /**
     * The invitation token in {@code serialized} if this realm signed it, expired or not; null for anything
     * else (garbled, tampered with, another realm's, another kind of token). Says nothing about whether the
     * invitation still holds.
     */
    public static InvitationToken signedToken(KeycloakSession session, String serialized) {
        if (serialized == null || serialized.isBlank()) {
            return null;
        }
        InvitationToken token;
        try {
            token = session.tokens().decode(serialized, InvitationToken.class);
        } catch (RuntimeException malformed) {
            return null;
        }
        RealmModel realm = session.getContext().getRealm();
        String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
        if (token == null
                || !InvitationToken.TOKEN_TYPE.equals(token.getActionId())
                || !issuer.equals(token.getIssuer())
                || token.getId() == null
                || token.getEmail() == null) {
            return null;
        }
        return token;
    }

    public boolean isFor(String otherEmail) {
        return otherEmail != null && email.equalsIgnoreCase(otherEmail.strip());
    }
}
