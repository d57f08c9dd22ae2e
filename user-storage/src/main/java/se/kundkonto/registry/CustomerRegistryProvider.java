package se.kundkonto.registry;

import java.util.Optional;

import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.StorageUnavailableException;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.UserLookupProvider;

import se.kundkonto.customer.CustomerNumber;
import se.kundkonto.customer.CustomerRecord;
import se.kundkonto.customer.OrgDigits;
import se.kundkonto.customer.OrgNumber;

/**
 * Exposes each registry row as a legacy company login and validates its only credential,
 * the last four digits of the organisation number. Implements no write interface: read-only.
 */
public final class CustomerRegistryProvider implements UserStorageProvider, UserLookupProvider, CredentialInputValidator {

    /** Only the e-mail login's password is never checked here: legacy digits are their own credential type. */
    public static final String CREDENTIAL_TYPE = "kundkonto-org-digits";

    /** Attributes of a legacy login, read by the verification step after the digits matched. */
    public static final String ATTR_COMPANY_NAME = "kundkonto.companyName";
    /** Masked for a sole trader (personnummer): Keycloak never holds the full number. */
    public static final String ATTR_ORG_NUMBER = "kundkonto.orgNumber";
    public static final String ATTR_SOLE_TRADER = "kundkonto.soleTrader";

    /** Compared against when a customer is unknown or inactive, so every failure does the same work. */
    private static final OrgDigits DECOY = OrgNumber.parse("112233-4400").orElseThrow().lastFour();

    private final KeycloakSession session;
    private final ComponentModel model;
    private final CustomerRegistryConfig config;

    CustomerRegistryProvider(KeycloakSession session, ComponentModel model) {
        this.session = session;
        this.model = model;
        this.config = new CustomerRegistryConfig(model);
    }

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return getUserByUsername(realm, StorageId.externalId(id));
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        return CustomerNumber.parse(username)
                .flatMap(this::find)
                .map(customer -> (UserModel) new CustomerLoginAdapter(session, realm, model, customer))
                .orElse(null);
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return null;
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return CREDENTIAL_TYPE.equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType);
    }

    /** Valid only for an active customer whose organisation number ends in the given digits. */
    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        return supportsCredentialType(input.getType())
                && CustomerNumber.parse(user.getUsername()).flatMap(number -> verified(number, input.getChallengeResponse())).isPresent();
    }

    /**
     * "I belong to this customer", checked against the registry of the given federation component:
     * the active customer when the digits are right. Whatever the answer, it costs one registry read
     * and one constant-time compare (with a decoy when the number is unknown or inactive), so the
     * time taken does not tell whether a customer number exists. The verification page and the login
     * form ask here directly rather than through Keycloak's user lookup, whose work differs between
     * a found and a missing user (the benchmark's timing-parity section measured that difference).
     */
    public static Optional<CustomerRecord> verify(KeycloakSession session, ComponentModel registry, CustomerNumber number, String typedDigits) {
        return new CustomerRegistryProvider(session, registry).verified(number, typedDigits);
    }

    private Optional<CustomerRecord> verified(CustomerNumber number, String typedDigits) {
        Optional<OrgDigits> typed = OrgDigits.parse(typedDigits);
        Optional<CustomerRecord> customer = find(number).filter(CustomerRecord::active);
        OrgDigits expected = customer.map(c -> c.orgNumber().lastFour()).orElse(DECOY);
        boolean matches = typed.map(expected::matches).orElse(false);
        return matches ? customer : Optional.empty();
    }

    /**
     * Reads in a short transaction of its own. The registry is a second database: enlisted in
     * Keycloak's transaction, even a read would need two-phase commit (on PostgreSQL, prepared
     * transactions, off by default), and a registry hiccup could roll back Keycloak's own work.
     */
    private Optional<CustomerRecord> find(CustomerNumber number) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    readSession -> registry(readSession).find(number));
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // Keycloak treats an unavailable storage as "no such user" and carries on with the others,
            // so e-mail logins keep working while the registry database is down.
            throw new StorageUnavailableException("Customer registry is not reachable", e);
        }
    }

    private CustomerRegistry registry(KeycloakSession readSession) {
        JpaConnectionProvider jpa = readSession.getProvider(JpaConnectionProvider.class, config.persistenceUnit());
        if (jpa == null) {
            throw new StorageUnavailableException("Customer registry persistence unit '" + config.persistenceUnit()
                    + "' is not available: configure the additional datasource with db-kind-" + config.persistenceUnit());
        }
        return new CustomerRegistry(jpa.getEntityManager());
    }

    @Override
    public void close() {
    }
}
