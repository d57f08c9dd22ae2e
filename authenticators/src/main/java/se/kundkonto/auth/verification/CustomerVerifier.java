package se.kundkonto.auth.verification;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.StorageUnavailableException;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

import se.kundkonto.customer.CustomerNumber;
import se.kundkonto.customer.GuessLimits;
import se.kundkonto.customer.GuessThrottle;
import se.kundkonto.customer.GuessThrottle.CustomerNumberOrRaw;
import se.kundkonto.registry.CustomerRegistryProvider;
import se.kundkonto.registry.CustomerRegistryProviderFactory;

/**
 * Proves "I belong to this customer": customer number + last four digits of the organisation number,
 * checked by the realm's customer-registry federation ({@link CustomerRegistryProvider#verify}).
 *
 * <p>Unknown number, wrong digits and inactive customer give one and the same {@link Outcome#REJECTED};
 * every failure counts against the number and the client address alike.
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

    public record Result(Outcome outcome, Optional<VerifiedCustomer> customer) {
        static Result of(Outcome outcome) {
            return new Result(outcome, Optional.empty());
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GuessThrottle throttle;

    public CustomerVerifier(KeycloakSession session, RealmModel realm, GuessLimits limits) {
        this.session = session;
        this.realm = realm;
        this.throttle = new GuessThrottle(new ClusterSlotStore(session.singleUseObjects()), limits);
    }

    public Result verify(String typedNumber, String typedDigits, String clientAddress) {
        CustomerNumberOrRaw counted = CustomerNumberOrRaw.of(typedNumber);
        if (throttle.isLocked(realm.getId(), counted, clientAddress)) {
            return Result.of(Outcome.LOCKED);
        }
        Optional<VerifiedCustomer> verified;
        try {
            verified = check(typedNumber, typedDigits);
        } catch (StorageUnavailableException e) {
            LOG.warnf("Customer verification in realm %s impossible: %s", realm.getName(), e.getMessage());
            return Result.of(Outcome.UNAVAILABLE);
        }
        if (verified.isPresent()) {
            throttle.recordSuccess(realm.getId(), counted);
            return new Result(Outcome.VERIFIED, verified);
        }
        throttle.recordFailure(realm.getId(), counted, clientAddress);
        return Result.of(Outcome.REJECTED);
    }

    private Optional<VerifiedCustomer> check(String typedNumber, String typedDigits) {
        Optional<CustomerNumber> number = CustomerNumber.parse(typedNumber);
        Optional<ComponentModel> registry = registry();
        if (number.isEmpty() || registry.isEmpty()) {
            return Optional.empty();
        }
        return CustomerRegistryProvider.verify(session, registry.get(), number.get(), typedDigits)
                .map(c -> new VerifiedCustomer(c.customerNumber().value(), c.companyName(), c.orgNumber().masked(),
                        c.orgNumber().isPersonalIdentityNumber()));
    }

    /** The realm's customer-registry federation, when it has one and it is enabled. */
    private Optional<ComponentModel> registry() {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> CustomerRegistryProviderFactory.PROVIDER_ID.equals(c.getProviderId()))
                .filter(c -> new UserStorageProviderModel(c).isEnabled())
                .findFirst();
    }
}
