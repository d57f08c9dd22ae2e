package se.kundkonto.auth.otp;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import se.kundkonto.accounts.notice.KundkontoMail;

/**
 * The last step of a 2FA reset: Keycloak's own TOTP set-up page, no skipping. The user's old
 * authenticators are removed only after the new one has been verified — abandoning the page, or a
 * wrong code, leaves the account as it was. Attached only in a session where this very user has
 * signed in after opening their reset link ({@link OtpResetRequest}).
 */
public final class ReplaceOtpRequiredAction extends UpdateTotp {

    public static final String PROVIDER_ID = "kundkonto-replace-otp";
    static final String ATTR_REPLACING = "kundkontoReplacingOtp";
    /** When the new app was added: its name in "Mina uppgifter", and unique (Keycloak refuses a name twice). */
    static final String ATTR_ADDED_AT = "kundkontoNewOtpAddedAt";

    private static final DateTimeFormatter ADDED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Logger LOG = Logger.getLogger(ReplaceOtpRequiredAction.class);

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // A user who came in through an existing session (cookie) has not met the OTP form: claim here.
        if (OtpResetRequest.claim(context.getSession(), context.getAuthenticationSession(), context.getUser())
                == OtpResetRequest.Claim.CLAIMED) {
            context.getAuthenticationSession().addRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (!OtpResetRequest.isClaimedFor(context.getAuthenticationSession(), context.getUser())) {
            // Listed without a claim (e.g. added to the user by hand): nothing to replace here.
            context.success();
            return;
        }
        replacing(context);
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (!OtpResetRequest.isClaimedFor(context.getAuthenticationSession(), user)) {
            LOG.debugf("No claimed 2FA reset for user %s in this session; nothing to replace", user.getId());
            context.success();
            return;
        }
        Set<String> before = otpIds(user);
        replacing(context);
        super.processAction(context);
        List<String> added =
                otpIds(user).stream().filter(id -> !before.contains(id)).toList();
        LOG.debugf("2FA reset for user %s: %d old, %d new authenticator(s)", user.getId(), before.size(), added.size());
        if (added.isEmpty()) {
            return; // wrong or missing code: Keycloak showed the page again, nothing changed
        }
        takeThePlaceOf(user, before, added.get(0));
        before.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        OtpResetRequest.close(context.getAuthenticationSession());
        context.getEvent()
                .clone()
                .event(EventType.REMOVE_CREDENTIAL)
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE)
                .detail(ResetOtpForm.EVENT_DETAIL_ACTION, "reset_otp_completed")
                .detail("removed_credentials", String.valueOf(before.size()))
                .success();
        try {
            KundkontoMail.to(context.getSession(), context.getRealm(), user)
                    .send("kundkontoOtpResetNoticeSubject", "kundkonto-otp-reset-notice.ftl");
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send the 2FA reset notice to user %s", user.getId());
        }
    }

    private static void replacing(RequiredActionContext context) {
        context.form()
                .setAttribute(ATTR_REPLACING, true)
                .setAttribute(
                        ATTR_ADDED_AT,
                        LocalDateTime.ofInstant(Instant.ofEpochMilli(Time.currentTimeMillis()), SWEDEN)
                                .format(ADDED_AT));
    }

    /**
     * The new authenticator takes the old one's place in the user's order of credentials: Keycloak offers
     * the second factor that comes first in that order, so the code page (not the recovery codes set up
     * after the old app) stays what the person is asked next time.
     */
    private static void takeThePlaceOf(UserModel user, Set<String> old, String added) {
        String previous = null;
        for (CredentialModel credential :
                user.credentialManager().getStoredCredentialsStream().toList()) {
            if (old.contains(credential.getId())) {
                user.credentialManager().moveStoredCredentialTo(added, previous);
                return;
            }
            previous = credential.getId();
        }
    }

    private static Set<String> otpIds(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .map(CredentialModel::getId)
                .collect(Collectors.toSet());
    }
}
