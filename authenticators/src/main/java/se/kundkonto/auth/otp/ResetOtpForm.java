package se.kundkonto.auth.otp;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;

import se.kundkonto.accounts.notice.KundkontoMail;

/**
 * Keycloak's OTP code page, plus "Återställ tvåfaktorsautentisering" for a lost phone: reached only
 * after e-mail and password were accepted, it e-mails the user a single-use link
 * ({@link ResetOtpActionTokenHandler}). When that user signs in again with the link opened in the same
 * browser, this step lets them past the code (the link and the password together prove them) and the
 * new authenticator is set up next ({@link ReplaceOtpRequiredAction}).
 */
public final class ResetOtpForm extends OTPFormAuthenticator {

    private static final Logger LOG = Logger.getLogger(ResetOtpForm.class);

    static final String FIELD_RESET = "kundkontoResetOtp";
    static final String ATTR_RESET_AVAILABLE = "kundkontoOtpResetAvailable";
    public static final String EVENT_DETAIL_ACTION = "kundkonto_action";
    public static final String CONFIG_LINK_MINUTES = "linkLifespanMinutes";
    public static final int DEFAULT_LINK_MINUTES = 15;
    public static final String CONFIG_MAX_MAILS_PER_HOUR = "maxResetMailsPerHour";
    public static final int DEFAULT_MAX_MAILS_PER_HOUR = 3;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        switch (OtpResetRequest.claim(context.getSession(), context.getAuthenticationSession(), context.getUser())) {
            case CLAIMED -> {
                context.success();
                return;
            }
            case ALREADY_USED -> context.form().setError("kundkontoOtpResetLinkUsed");
            case NONE -> {}
        }
        context.form().setAttribute(ATTR_RESET_AVAILABLE, true);
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.form().setAttribute(ATTR_RESET_AVAILABLE, true);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(FIELD_RESET)) {
            sendResetLink(context);
            return;
        }
        super.action(context);
    }

    private void sendResetLink(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!withinMailBudget(context, user)) {
            context.getEvent()
                    .clone()
                    .event(EventType.EXECUTE_ACTIONS)
                    .user(user)
                    .detail(EVENT_DETAIL_ACTION, "reset_otp_requested")
                    .error("kundkonto_too_many_reset_mails");
            context.form().setError("kundkontoOtpResetTooMany");
            context.challenge(challenge(context, null));
            return;
        }
        int minutes = linkLifespanMinutes(context.getAuthenticatorConfig());
        ResetOtpActionToken token = new ResetOtpActionToken(
                user.getId(),
                user.getEmail(),
                Time.currentTime() + minutes * 60,
                AuthenticationSessionCompoundId.fromAuthSession(authSession).getEncodedId(),
                authSession.getClient().getClientId());
        String link = context.getActionTokenUrl(
                        token.serialize(context.getSession(), context.getRealm(), context.getUriInfo()))
                .toString();
        try {
            KundkontoMail.to(context.getSession(), context.getRealm(), user)
                    .with("link", link)
                    .with("linkExpirationMinutes", minutes)
                    .send("kundkontoOtpResetSubject", "kundkonto-otp-reset.ftl");
            context.getEvent()
                    .clone()
                    .event(EventType.EXECUTE_ACTIONS)
                    .user(user)
                    .detail(EVENT_DETAIL_ACTION, "reset_otp_requested")
                    .success();
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send the 2FA reset link to user %s", user.getId());
            context.getEvent()
                    .clone()
                    .event(EventType.EXECUTE_ACTIONS)
                    .user(user)
                    .detail(EVENT_DETAIL_ACTION, "reset_otp_requested")
                    .error(Errors.EMAIL_SEND_FAILED);
        }
        // The same answer either way, and the code field stays usable should the phone turn up.
        context.form().setInfo("kundkontoOtpResetEmailSent");
        context.challenge(challenge(context, null));
    }

    /**
     * A bounded number of reset e-mails per user and hour, counted in the cluster-wide single-use store:
     * each mail claims a numbered slot that expires on its own an hour later.
     */
    private static boolean withinMailBudget(AuthenticationFlowContext context, UserModel user) {
        int max = positive(context.getAuthenticatorConfig(), CONFIG_MAX_MAILS_PER_HOUR, DEFAULT_MAX_MAILS_PER_HOUR);
        String key = "kundkonto.otp-reset-mail." + context.getRealm().getId() + "." + user.getId() + "#";
        for (int i = 1; i <= max; i++) {
            if (context.getSession().singleUseObjects().putIfAbsent(key + i, 3600)) {
                return true;
            }
        }
        return false;
    }

    static int linkLifespanMinutes(AuthenticatorConfigModel config) {
        return positive(config, CONFIG_LINK_MINUTES, DEFAULT_LINK_MINUTES);
    }

    static int positive(AuthenticatorConfigModel config, String name, int fallback) {
        Map<String, String> values = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        try {
            int value = Integer.parseInt(values.getOrDefault(name, "").strip());
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
