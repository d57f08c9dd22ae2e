package se.kundkonto.auth.verification;

import org.keycloak.events.EventBuilder;

import se.kundkonto.accounts.MembershipEvents;
import se.kundkonto.customer.LogSafe;
import se.kundkonto.accounts.verification.CustomerVerifier;
import se.kundkonto.accounts.verification.VerifiedCustomer;

/**
 * The details a verification attempt puts on its event, on every entry point alike: the typed
 * customer number made log-safe (no CR/LF, a personnummer masked), and {@code verification_locked}
 * on the failure that started a lock.
 */
public final class VerificationEvents {

    public static final String LOCKED = "verification_locked";

    private VerificationEvents() {
    }

    public static EventBuilder describe(EventBuilder event, String typedNumber, CustomerVerifier.Result result) {
        event.detail(MembershipEvents.DETAIL_CUSTOMER, LogSafe.typed(typedNumber));
        if (result.lockStarted()) {
            event.detail(MembershipEvents.DETAIL_EVENT, LOCKED);
        }
        return event;
    }
}
