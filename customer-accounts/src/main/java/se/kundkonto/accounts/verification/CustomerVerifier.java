package se.kundkonto.accounts.verification;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.StorageUnavailableException;

import se.kundkonto.accounts.KundkontoMetrics;
import se.kundkonto.accounts.notice.LockNotices;
import se.kundkonto.customer.CustomerNumber;
import se.kundkonto.customer.GuessThrottle;
import se.kundkonto.customer.GuessThrottle.CustomerNumberOrRaw;
import se.kundkonto.customer.LogSafe;
import se.kundkonto.registry.CustomerRegistryProvider;

/**
 * Proves "I belong to this customer": customer number + last four digits of the organisation number,
 * checked by the realm's customer-registry federation ({@link CustomerRegistryProvider#verify}).
 *
 * <p>Unknown number, wrong digits and inactive customer give one and the same {@link Outcome#REJECTED};
 * every failure counts against the number and the client address alike, in the realm's
 * {@link GuessBudget}. The failure that starts a lock tells the number's Admins, after the request
 * and in the background, so known and unknown numbers cost the request the same.
 */
public final class CustomerVerifier {

    private static final Logger LOG = Logger.getLogger(CustomerVerifier.class);

    /** What happened, and the message key the verification pages show for it. */
    public enum Outcome {
        VERIFIED(null),
        REJECTED("kundkontoVerificationFailed"),
        LOCKED("kundkontoVerificationLocked"),
        /** The registry database did not answer: nobody can be verified, and nobody's count goes up. */
        UNAVAILABLE("kundkontoRegistryUnavailable");

        private final String message;

        Outcome(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** {@code lockStarted}: this failure started a lock episode (event {@code verification_locked}). */
    public record Result(Outcome outcome, Optional<VerifiedCustomer> customer, boolean lockStarted) {
        static Result of(Outcome outcome) {
            return new Result(outcome, Optional.empty(), false);
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GuessThrottle throttle;

    public CustomerVerifier(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.throttle = GuessBudget.of(session, realm);
    }

    /** Judges one attempt and counts it in {@code kundkonto_verifications_total} for its entry point. */
    public Result verify(
            KundkontoMetrics.EntryPoint entryPoint, String typedNumber, String typedDigits, String clientAddress) {
        Result result = judge(typedNumber, typedDigits, clientAddress);
        KundkontoMetrics.verification(entryPoint, result);
        return result;
    }

    private Result judge(String typedNumber, String typedDigits, String clientAddress) {
        // Reserve before judging: racing requests can never get more judgements than there are slots.
        GuessThrottle.Attempt attempt =
                throttle.begin(realm.getId(), CustomerNumberOrRaw.of(typedNumber), clientAddress);
        if (!attempt.allowed()) {
            return Result.of(Outcome.LOCKED);
        }
        Optional<VerifiedCustomer> verified;
        try {
            verified = check(typedNumber, typedDigits);
        } catch (StorageUnavailableException e) {
            attempt.abandoned();
            LOG.warnf("Customer verification in realm %s impossible: %s", realm.getName(), e.getMessage());
            return Result.of(Outcome.UNAVAILABLE);
        }
        if (verified.isPresent()) {
            attempt.succeeded();
            return new Result(Outcome.VERIFIED, verified, false);
        }
        boolean lockStarted = attempt.failed();
        if (lockStarted) {
            LOG.infof(
                    "Customer verification locked in realm %s for customer number %s",
                    realm.getName(), LogSafe.typed(typedNumber));
            CustomerNumber.parse(typedNumber).ifPresent(n -> LockNotices.sendAfterRequest(session, realm, n.value()));
        }
        return new Result(Outcome.REJECTED, Optional.empty(), lockStarted);
    }

    private Optional<VerifiedCustomer> check(String typedNumber, String typedDigits) {
        // A registry switched off (maintenance) is one that does not answer: nobody's count goes up for it.
        CustomerRegistryProvider registry = CustomerRegistryProvider.of(session, realm)
                .orElseThrow(
                        () -> new StorageUnavailableException("The realm's customer registry is disabled or missing"));
        Optional<CustomerNumber> number = CustomerNumber.parse(typedNumber);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return registry.verify(number.get(), typedDigits)
                .map(c -> new VerifiedCustomer(
                        c.customerNumber().value(),
                        c.companyName(),
                        c.orgNumber().masked(),
                        c.orgNumber().isPersonalIdentityNumber()));
    }
}
