package se.kundkonto.auth.invitation;

import java.net.URI;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.AuthorizationEndpointBase;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.services.util.ResolveRelative;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

import se.kundkonto.accounts.MembershipEvents;
import se.kundkonto.accounts.invitation.Invitation;
import se.kundkonto.accounts.invitation.InvitationToken;

/**
 * {@code GET /realms/{realm}/kundkonto-invitation?key=<invitation>}: where the e-mailed invitation link
 * points. It starts, for the client that sent the invitation, the registration (nobody has the invited
 * address yet) or the login (somebody has), with the invitation as the flow's {@code kc_action}, exactly
 * as an application-initiated action: {@link AcceptInvitationRequiredAction} then asks "Gå med?", or
 * accepts right after the registration.
 *
 * <p>Why not a link to the client's authorization endpoint: only the client can make its own PKCE
 * challenge, so such a link fails for every client that requires PKCE (the account console, the app).
 * Here no authorization request is needed; when done, Keycloak sends the person to the redirect URI that
 * was checked against the client when the invitation was sent, where the client starts its own login,
 * which the fresh session completes at once.
 *
 * <p>Opening the link changes nothing (mail scanners and link previews fetch it): it only starts an
 * authentication session and sends the browser on to the first page of the flow. A link this realm did
 * not sign (garbled, tampered with, another realm's) is answered with an explaining page, never a 500.
 */
public final class InvitationLinkResource {

    static final String LANDING = "landing";
    static final String MSG_BROKEN = "kundkontoInvitationLinkBroken";
    static final String MSG_NO_LONGER_VALID = "kundkontoInvitationInvalid";

    private final KeycloakSession session;

    InvitationLinkResource(KeycloakSession session) {
        this.session = session;
    }

    /** Mail servers check links with HEAD: answered without starting anything. */
    @HEAD
    public Response check() {
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response open(
            @QueryParam(Invitation.LINK_KEY) String key,
            @QueryParam(OIDCLoginProtocol.UI_LOCALES_PARAM) String uiLocales) {
        RealmModel realm = session.getContext().getRealm();
        String language = supportedLanguage(realm, uiLocales);
        EventBuilder event = new EventBuilder(
                        realm, session, session.getContext().getConnection())
                .event(EventType.INVITE_ORG)
                .detail(MembershipEvents.DETAIL_EVENT, MembershipEvents.INVITATION_ACCEPTED);

        InvitationToken token = Invitation.signedToken(session, key);
        if (token == null) {
            return problem(event, language, Errors.INVALID_TOKEN, MSG_BROKEN);
        }
        event.detail(Details.TOKEN_ID, token.getId())
                .detail(MembershipEvents.DETAIL_CUSTOMER, token.getCustomerNumber());
        if (!token.isActive()) {
            return problem(event, language, Errors.EXPIRED_CODE, MSG_NO_LONGER_VALID);
        }
        ClientModel client = token.getIssuedFor() == null ? null : realm.getClientByClientId(token.getIssuedFor());
        if (client == null || !client.isEnabled()) {
            return problem(
                    event,
                    language,
                    client == null ? Errors.CLIENT_NOT_FOUND : Errors.CLIENT_DISABLED,
                    MSG_NO_LONGER_VALID);
        }
        session.getContext().setClient(client);

        boolean newPerson = nobodyHas(realm, token.getEmail());
        // A newcomer gets a fresh root session: one named after a signed-in person's session would make
        // Keycloak attach the newcomer's login to that other person's session and refuse it.
        RootAuthenticationSessionModel root = newPerson
                ? new AuthenticationSessionManager(session).createAuthenticationSession(realm, true)
                : rootSession(realm);
        AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
        session.getContext().setAuthenticationSession(authSession);
        authSession.setAction(AuthenticationSessionModel.Action.AUTHENTICATE.name());
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, OAuth2Constants.CODE);
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, OAuth2Constants.SCOPE_OPENID);
        authSession.setClientNote(
                OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        // The flow ends on our landing below, not at the client with a code it never asked for: the client's
        // own callback would see an answer to no request of its own (no state, no PKCE verifier).
        String landing = landingUrl(realm, key);
        authSession.setRedirectUri(landing);
        authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, landing);
        // The code Keycloak then appends to the landing URL must be worth nothing to whoever reads it in a log
        // or the history: a PKCE challenge whose verifier nobody was ever given makes it unredeemable.
        authSession.setClientNote(
                OIDCLoginProtocol.CODE_CHALLENGE_PARAM,
                SecretGenerator.getInstance().randomString(43));
        authSession.setClientNote(OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM, OAuth2Constants.PKCE_METHOD_S256);
        if (language != null) {
            authSession.setClientNote(LocaleSelectorProvider.CLIENT_REQUEST_LOCALE, language);
        }
        // The invitation is accepted the way an application-initiated action runs: after the login or registration.
        authSession.setClientNote(Constants.KC_ACTION, Invitation.KC_ACTION);
        authSession.setClientNote(Constants.KC_ACTION_PARAMETER, key);

        String flowPath;
        if (newPerson) {
            // As Keycloak's own registration endpoint: whoever is signed in in this browser is not the newcomer.
            AuthenticationManager.expireIdentityCookie(session);
            flowPath = LoginActionsService.REGISTRATION_PATH;
            authSession.setClientNote(AuthorizationEndpointBase.APP_INITIATED_FLOW, flowPath);
        } else {
            flowPath = LoginActionsService.AUTHENTICATE_PATH;
        }
        authSession.setAuthNote(AuthenticationProcessor.CURRENT_FLOW_PATH, flowPath);
        URI firstPage = new AuthenticationFlowURLHelper(
                        session, realm, session.getContext().getUri())
                .getLastExecutionUrl(authSession);
        return Response.status(Response.Status.FOUND)
                .location(firstPage)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /**
     * {@code GET …/kundkonto-invitation/landing?key=…}: where the flow ends. Keycloak appends a code for the
     * client, which nobody exchanges; the person is sent on, without it, to the page the invitation names
     * (checked against the client again), else the client's base URL, else "Mina uppgifter" (the account
     * console), where the client starts its own login, which the fresh session completes at once.
     */
    @GET
    @Path(LANDING)
    public Response landing(@QueryParam(Invitation.LINK_KEY) String key) {
        RealmModel realm = session.getContext().getRealm();
        InvitationToken token = Invitation.signedToken(session, key);
        // Only a live invitation of an enabled client names a page: an old one is no redirector to keep.
        ClientModel client = token == null || !token.isActive() || token.getIssuedFor() == null
                ? null
                : realm.getClientByClientId(token.getIssuedFor());
        String target = client == null || !client.isEnabled() ? null : redirectUri(client, token);
        URI location = accountConsole(realm);
        if (target != null) {
            try {
                location = URI.create(target);
            } catch (IllegalArgumentException notAUri) {
                // a redirect URI Keycloak accepted but java.net.URI does not: Mina uppgifter instead
            }
        }
        return Response.status(Response.Status.FOUND)
                .location(location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private URI accountConsole(RealmModel realm) {
        return Urls.accountBase(session.getContext().getUri().getBaseUri()).build(realm.getName());
    }

    /** No account has the address; a realm that allows one address on several accounts counts as "somebody has". */
    private boolean nobodyHas(RealmModel realm, String email) {
        try {
            return session.users().getUserByEmail(realm, email) == null;
        } catch (ModelDuplicateException several) {
            return false;
        }
    }

    private String landingUrl(RealmModel realm, String key) {
        return session.getContext()
                .getUri()
                .getBaseUriBuilder()
                .path("realms")
                .path(realm.getName())
                .path(Invitation.LINK_PATH)
                .path(LANDING)
                .queryParam(Invitation.LINK_KEY, key)
                .build()
                .toString();
    }

    /**
     * This browser's authentication session, as the authorization endpoint finds or makes it: the one in
     * progress, else one with the id of the browser's user session (so that signing in through its cookie
     * continues that session instead of starting a second one), else a new one.
     */
    private RootAuthenticationSessionModel rootSession(RealmModel realm) {
        AuthenticationSessionManager manager = new AuthenticationSessionManager(session);
        RootAuthenticationSessionModel current = manager.getCurrentRootAuthenticationSession(realm);
        if (current != null) {
            return current;
        }
        UserSessionModel signedIn = manager.getUserSessionFromAuthenticationCookie(realm);
        if (signedIn == null
                || signedIn.getUser() == null
                || !signedIn.getUser().isEnabled()) {
            return manager.createAuthenticationSession(realm, true);
        }
        RootAuthenticationSessionModel root =
                session.authenticationSessions().getRootAuthenticationSession(realm, signedIn.getId());
        if (root == null) {
            root = session.authenticationSessions().createRootAuthenticationSession(realm, signedIn.getId());
        }
        manager.setAuthSessionCookie(root.getId());
        manager.setAuthSessionIdHashCookie(root.getId());
        return root;
    }

    /** The redirect URI the invitation was sent with, if the client still allows it; else the client's base URL. */
    private String redirectUri(ClientModel client, InvitationToken token) {
        String verified = token.getRedirectUri() == null
                ? null
                : RedirectUtils.verifyRedirectUri(session, token.getRedirectUri(), client, false);
        if (verified == null
                && client.getBaseUrl() != null
                && !client.getBaseUrl().isBlank()) {
            String base = ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), client.getBaseUrl());
            verified = RedirectUtils.verifyRedirectUri(session, base, client, false);
        }
        return verified;
    }

    private Response problem(EventBuilder event, String language, String error, String message) {
        if (language != null) {
            // No authentication session yet: the page speaks the e-mail's language all the same.
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, language);
        }
        event.error(error);
        return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, message);
    }

    private static String supportedLanguage(RealmModel realm, String uiLocales) {
        if (uiLocales == null || uiLocales.isBlank() || !realm.isInternationalizationEnabled()) {
            return null;
        }
        String wanted = uiLocales.strip().split(" ")[0].toLowerCase(Locale.ROOT);
        return realm.getSupportedLocalesStream()
                .filter(wanted::equalsIgnoreCase)
                .findFirst()
                .orElse(null);
    }
}
