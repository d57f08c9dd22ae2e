package se.kundkonto.auth.otp;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.TokenVerifier;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

import se.kundkonto.auth.mail.KundkontoMail;

/**
 * Opens the e-mailed 2FA reset link: removes the user's OTP credentials, makes setting up a new one
 * a required action, tells the user by e-mail, and shows the QR set-up page. Used up at once.
 */
public final class ResetOtpActionTokenHandler extends AbstractActionTokenHandler<ResetOtpActionToken> {

    private static final Logger LOG = Logger.getLogger(ResetOtpActionTokenHandler.class);

    public ResetOtpActionTokenHandler() {
        super(ResetOtpActionToken.TOKEN_TYPE, ResetOtpActionToken.class, Messages.INVALID_CODE,
                EventType.REMOVE_CREDENTIAL, Errors.NOT_ALLOWED);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TokenVerifier.Predicate<? super ResetOtpActionToken>[] getVerifiers(ActionTokenContext<ResetOtpActionToken> tokenContext) {
        // The link stops working if the user's e-mail address changed after it was sent.
        return TokenUtils.predicates(verifyEmail(tokenContext));
    }

    @Override
    public boolean canUseTokenRepeatedly(ResetOtpActionToken token, ActionTokenContext<ResetOtpActionToken> tokenContext) {
        return false;
    }

    @Override
    public Response handleToken(ResetOtpActionToken token, ActionTokenContext<ResetOtpActionToken> tokenContext) {
        KeycloakSession session = tokenContext.getSession();
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser();
        useUp(token, session, authSession);

        List<CredentialModel> otps = user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).toList();
        otps.forEach(otp -> user.credentialManager().removeStoredCredentialById(otp.getId()));
        user.addRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
        tokenContext.getEvent().clone().event(EventType.REMOVE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE)
                .detail(ResetOtpForm.EVENT_DETAIL_ACTION, "reset_otp_completed")
                .detail("removed_credentials", String.valueOf(otps.size()))
                .success();
        try {
            KundkontoMail.to(session, tokenContext.getRealm(), user).send("kundkontoOtpResetNoticeSubject", "kundkonto-otp-reset-notice.ftl");
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send the 2FA reset notice to user %s", user.getId());
        }

        String nextAction = AuthenticationManager.nextRequiredAction(session, authSession, tokenContext.getRequest(), tokenContext.getEvent());
        return AuthenticationManager.redirectToRequiredActions(session, tokenContext.getRealm(), authSession, tokenContext.getUriInfo(), nextAction);
    }

    /** Spend the link now rather than when the set-up finishes: it has already changed the account. */
    private static void useUp(ResetOtpActionToken token, KeycloakSession session, AuthenticationSessionModel authSession) {
        session.revokedTokens().put(token.serializeKey(), Math.max(1, token.getExp() - Time.currentTime()));
        authSession.removeAuthNote(AuthenticationManager.INVALIDATE_ACTION_TOKEN);
    }
}
