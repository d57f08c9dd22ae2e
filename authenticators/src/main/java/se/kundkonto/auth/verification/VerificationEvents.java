package se.kundkonto.auth.verification;

import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;

import se.kundkonto.accounts.MembershipEvents;
import se.kundkonto.accounts.verification.CustomerVerifier;
import se.kundkonto.customer.LogSafe;

/**
 * The details a verification attempt puts on its event, on every entry point alike: the typed
 * customer number made log-safe (no CR/LF, a personnummer masked), and {@code verification_locked}
 * on the failure that started a lock.
 */
public final class VerificationEvents {

    public static final String LOCKED = "verification_locked";

    private VerificationEvents() {}

    /** Event error codes that tell a lock and a registry outage apart from a wrong answer. */
    public static final String ERROR_LOCKED = "kundkonto_verification_locked";

    public static final String ERROR_REGISTRY_UNAVAILABLE = "kundkonto_registry_unavailable";

    /**
     * The event error for an attempt that was not verified: a wrong answer stays Keycloak's
     * {@code invalid_user_credentials}, so the admin console's event filters keep working for it.
     */
    public static String error(CustomerVerifier.Outcome outcome) {
        return switch (outcome) {
            case LOCKED -> ERROR_LOCKED;
            case UNAVAILABLE -> ERROR_REGISTRY_UNAVAILABLE;
            default -> Errors.INVALID_USER_CREDENTIALS;
        };
    }

    public static EventBuilder describe(EventBuilder event, String typedNumber, CustomerVerifier.Result result) {
        event.detail(MembershipEvents.DETAIL_CUSTOMER, LogSafe.typed(typedNumber));
        if (result.lockStarted()) {
            event.detail(MembershipEvents.DETAIL_EVENT, LOCKED);
        }
        return event;
    }
}
