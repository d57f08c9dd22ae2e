package se.kundkonto.auth.otp;

import jakarta.ws.rs.core.Response;

import org.keycloak.TokenVerifier;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens the e-mailed "Återställ tvåfaktorsautentisering" link. Opening it changes nothing — mail
 * scanners and link previews fetch such links with a plain GET. It starts an ordinary sign-in in this
 * browser with the address filled in and a note of what is going on; only when that user proves their
 * password here ({@link ResetOtpForm}) is the link spent, and only when they have verified a new
 * authenticator is the old one replaced ({@link ReplaceOtpRequiredAction}).
 */
public final class ResetOtpActionTokenHandler extends AbstractActionTokenHandler<ResetOtpActionToken> {

    public ResetOtpActionTokenHandler() {
        super(
                ResetOtpActionToken.TOKEN_TYPE,
                ResetOtpActionToken.class,
                Messages.INVALID_CODE,
                EventType.EXECUTE_ACTION_TOKEN,
                Errors.NOT_ALLOWED);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TokenVerifier.Predicate<? super ResetOtpActionToken>[] getVerifiers(
            ActionTokenContext<ResetOtpActionToken> tokenContext) {
        // The link stops working if the user's e-mail address changed after it was sent.
        return TokenUtils.predicates(verifyEmail(tokenContext));
    }

    @Override
    public boolean canUseTokenRepeatedly(
            ResetOtpActionToken token, ActionTokenContext<ResetOtpActionToken> tokenContext) {
        // So Keycloak refuses a spent link at the door. Opening it spends nothing: that happens when the
        // reset is claimed (OtpResetRequest), and the note Keycloak sets to spend it at sign-in is removed below.
        return false;
    }

    @Override
    public Response handleToken(ResetOtpActionToken token, ActionTokenContext<ResetOtpActionToken> tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser();
        String email = user.getEmail();

        // Keycloak marks the link's user as authenticated in this session; the link alone must prove nothing.
        authSession.setAuthenticatedUser(null);
        authSession.clearExecutionStatus();
        authSession.removeAuthNote(AuthenticationManager.INVALIDATE_ACTION_TOKEN);
        OtpResetRequest.open(authSession, token);
        if (tokenContext.isAuthenticationSessionFresh()) {
            // Opened in another browser than the one that asked: there is no application login to return
            // to here (and a public client's PKCE challenge is not in this session), so end on a page.
            authSession.setAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS, "true");
        }
        authSession.setClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM, email);

        tokenContext
                .getEvent()
                .clone()
                .event(EventType.EXECUTE_ACTION_TOKEN)
                .user(user)
                .detail(ResetOtpForm.EVENT_DETAIL_ACTION, "reset_otp_link_opened")
                .success();

        AuthenticationProcessor processor = new AuthenticationProcessor();
        processor.setAuthenticationSession(authSession); // the forwarded message is kept in the session
        processor.setForwardedInfoMessage(new FormMessage(null, "kundkontoOtpResetSignIn", email));
        return tokenContext.processFlow(
                false,
                LoginActionsService.AUTHENTICATE_PATH,
                tokenContext.getRealm().getBrowserFlow(),
                null,
                processor);
    }
}
