package se.kundkonto.auth.otp;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;

/**
 * Keycloak's own TOTP set-up page (same secret, QR code and credential), offered once to every new
 * user with "Hoppa över tvåfaktorsautentisering". Skipping ends the offer for good: it is a default
 * required action, added when the user is created, and removed whichever way the user answers.
 */
public final class OfferTotpRequiredAction extends UpdateTotp {

    public static final String PROVIDER_ID = "kundkonto-offer-totp";
    static final String ATTR_SKIPPABLE = "kundkontoSkippable";
    static final String FIELD_SKIP = "kundkontoSkip";

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.form().setAttribute(ATTR_SKIPPABLE, true);
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (context.getHttpRequest().getDecodedFormParameters().containsKey(FIELD_SKIP)) {
            context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                    .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID)
                    .detail("kundkonto_totp", "skipped")
                    .success();
            context.success();
            return;
        }
        // The page may come back with an error: keep the skip button on it (same forms provider instance).
        context.form().setAttribute(ATTR_SKIPPABLE, true);
        super.processAction(context);
    }
}
