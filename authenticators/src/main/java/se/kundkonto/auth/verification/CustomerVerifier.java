package se.kundkonto.auth.verification;

import java.util.Optional;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

import se.kundkonto.customer.CustomerNumber;
import se.kundkonto.customer.GuessLimits;
import se.kundkonto.customer.GuessThrottle;
import se.kundkonto.customer.GuessThrottle.CustomerNumberOrRaw;
import se.kundkonto.customer.OrgDigits;
import se.kundkonto.registry.CustomerRegistryProvider;
import se.kundkonto.registry.CustomerRegistryProviderFactory;

/**
 * Proves "I belong to this customer": customer number + last four digits of the organisation number,
 * checked as the legacy company login's credential through the customer-registry user storage.
 *
 * <p>Unknown number, wrong digits and inactive customer give one and the same {@link Outcome#REJECTED};
 * every failure counts against the number and the client address alike.
 */
public final class CustomerVerifier {

    public enum Outcome { VERIFIED, REJECTED, LOCKED }

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
        Optional<VerifiedCustomer> verified = check(typedNumber, typedDigits);
        if (verified.isPresent()) {
            throttle.recordSuccess(realm.getId(), counted);
            return new Result(Outcome.VERIFIED, verified);
        }
        throttle.recordFailure(realm.getId(), counted, clientAddress);
        return Result.of(Outcome.REJECTED);
    }

    private Optional<VerifiedCustomer> check(String typedNumber, String typedDigits) {
        Optional<CustomerNumber> number = CustomerNumber.parse(typedNumber);
        Optional<OrgDigits> digits = OrgDigits.parse(typedDigits);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        UserModel login = registryLogin(number.get());
        if (login == null) {
            // Balance the work of the known-customer path (lookup + credential check), so response
            // times do not tell whether a customer number exists.
            registryLogin(number.get());
            return Optional.empty();
        }
        boolean valid = digits.isPresent() && login.credentialManager()
                .isValid(new UserCredentialModel(null, CustomerRegistryProvider.CREDENTIAL_TYPE, digits.get().value()));
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedCustomer(number.get().value(),
                login.getFirstAttribute(CustomerRegistryProvider.ATTR_COMPANY_NAME),
                login.getFirstAttribute(CustomerRegistryProvider.ATTR_ORG_NUMBER),
                Boolean.parseBoolean(login.getFirstAttribute(CustomerRegistryProvider.ATTR_SOLE_TRADER))));
    }

    /** The legacy company login for this number, only if it comes from a customer-registry federation. */
    private UserModel registryLogin(CustomerNumber number) {
        UserModel user = session.users().getUserByUsername(realm, number.value());
        if (user == null || user.getFederationLink() == null) {
            return null;
        }
        ComponentModel component = realm.getComponent(user.getFederationLink());
        return component != null && CustomerRegistryProviderFactory.PROVIDER_ID.equals(component.getProviderId()) ? user : null;
    }
}
