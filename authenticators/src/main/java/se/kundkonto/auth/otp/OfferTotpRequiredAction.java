package se.kundkonto.auth.otp;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.authenticators.browser.WebAuthnConditionalUIAuthenticator;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;

/**
 * The second-factor offer after registration (and after a first BankID login): Keycloak's own TOTP
 * set-up page (same secret, QR code and credential), with two other answers on it: "Använd en nyckel
 * (passkey)" and "Hoppa över tvåfaktorsautentisering". The passkey answer hands over to Keycloak's own
 * required action {@code webauthn-register-passwordless}; both set-ups are followed by Keycloak's
 * recovery codes ({@code CONFIGURE_RECOVERY_AUTHN_CODES}), so a lost phone needs no e-mail. The offer is
 * made once: it is a default required action, added when the user is created, and removed whichever way
 * the user answers.
 */
public final class OfferTotpRequiredAction extends UpdateTotp {

    public static final String PROVIDER_ID = "kundkonto-offer-totp";
    static final String ATTR_SKIPPABLE = "kundkontoSkippable";
    static final String ATTR_PASSKEY_OFFERED = "kundkontoPasskeyOffered";
    static final String FIELD_SKIP = "kundkontoSkip";
    static final String FIELD_PASSKEY = "kundkontoPasskey";
    static final String EVENT_DETAIL = "kundkonto_totp";
    static final String RECOVERY_CODES_ACTION = UserModel.RequiredAction.CONFIGURE_RECOVERY_AUTHN_CODES.name();

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        offerChoices(context);
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(FIELD_SKIP)) {
            answered(context, "skipped");
            context.success();
            return;
        }
        if (form.containsKey(FIELD_PASSKEY) && passkeysOffered(context.getSession(), context.getRealm())) {
            // Keycloak's own passkey registration comes next in this same sign-in, then the recovery codes.
            context.getAuthenticationSession().addRequiredAction(WebAuthnPasswordlessRegisterFactory.PROVIDER_ID);
            offerRecoveryCodes(context);
            answered(context, "passkey_chosen");
            context.success();
            return;
        }
        // The page may come back with an error: keep the other answers on it (same forms provider instance).
        offerChoices(context);
        super.processAction(context);
        if (context.getStatus() == RequiredActionContext.Status.SUCCESS) {
            offerRecoveryCodes(context);
        }
    }

    private static void offerChoices(RequiredActionContext context) {
        context.form().setAttribute(ATTR_SKIPPABLE, true);
        if (passkeysOffered(context.getSession(), context.getRealm())) {
            context.form().setAttribute(ATTR_PASSKEY_OFFERED, true);
        }
    }

    private static void answered(RequiredActionContext context, String answer) {
        context.getEvent()
                .clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID)
                .detail(EVENT_DETAIL, answer)
                .success();
    }

    /**
     * Passkeys are offered when the realm's WebAuthn passwordless policy has passkeys on (and the server the
     * feature) and Keycloak's passkey registration is an enabled required action of the realm.
     */
    static boolean passkeysOffered(KeycloakSession session, RealmModel realm) {
        return WebAuthnConditionalUIAuthenticator.isPasskeysEnabled(session)
                && enabled(realm, WebAuthnPasswordlessRegisterFactory.PROVIDER_ID);
    }

    /** Recovery codes follow a new second factor, unless the realm has them off or the user already has a set. */
    static void offerRecoveryCodes(RequiredActionContext context) {
        boolean hasCodes = context.getUser()
                .credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryAuthnCodesCredentialModel.TYPE)
                .findAny()
                .isPresent();
        if (!hasCodes && enabled(context.getRealm(), RECOVERY_CODES_ACTION)) {
            context.getAuthenticationSession().addRequiredAction(RECOVERY_CODES_ACTION);
        }
    }

    private static boolean enabled(RealmModel realm, String requiredActionAlias) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(requiredActionAlias);
        return action != null && action.isEnabled();
    }
}
