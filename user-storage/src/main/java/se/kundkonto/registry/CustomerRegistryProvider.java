package se.kundkonto.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.StorageUnavailableException;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.transaction.JtaTransactionManagerLookup;

import se.kundkonto.customer.CustomerNumber;
import se.kundkonto.customer.CustomerRecord;
import se.kundkonto.customer.OrgDigits;
import se.kundkonto.customer.OrgNumber;

/**
 * The customer registry as a user-storage component: it holds the registry's settings (persistence
 * unit, join policy) and answers one question, {@link #verify}. It is deliberately <em>not</em> a
 * {@code UserLookupProvider} or {@code CredentialInputValidator}: a registry number seen as a Keycloak
 * user would be found by every lookup that does not hash a password (login form, password grant, reset
 * credentials, admin API) and answer faster than an unknown number, telling an attacker which
 * customer numbers exist. Read-only: it implements no write interface.
 */
public final class CustomerRegistryProvider implements UserStorageProvider {

    /** Compared against when a customer is unknown or inactive, so every failure does the same work. */
    private static final OrgDigits DECOY =
            OrgNumber.parse("112233-4400").orElseThrow().lastFour();

    private final KeycloakSession session;
    private final CustomerRegistryConfig config;

    CustomerRegistryProvider(KeycloakSession session, ComponentModel model) {
        this.session = session;
        this.config = new CustomerRegistryConfig(model);
    }

    /**
     * The realm's customer registry, through Keycloak's provider lifecycle (created by the factory once per
     * session and closed with it); empty when the realm has none or it is disabled.
     */
    public static Optional<CustomerRegistryProvider> of(KeycloakSession session, RealmModel realm) {
        return component(realm).map(c -> (CustomerRegistryProvider) session.getProvider(UserStorageProvider.class, c));
    }

    /** The realm's enabled customer-registry federation component: the one that answers verifications. */
    public static Optional<ComponentModel> component(RealmModel realm) {
        return configured(realm).filter(c -> new UserStorageProviderModel(c).isEnabled());
    }

    /**
     * The realm's customer-registry component, enabled or not: where its settings (join policy, guess and
     * invitation limits) are read. Switching the registry off for maintenance must not change them, e.g.
     * turn an "admin-approval" realm into "everyone is Admin".
     */
    public static Optional<ComponentModel> configured(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> CustomerRegistryProviderFactory.PROVIDER_ID.equals(c.getProviderId()))
                .findFirst();
    }

    /** The join-policy setting as configured (blank when not set); customer-accounts gives it meaning. */
    public static String joinPolicySetting(RealmModel realm) {
        return configured(realm)
                .map(c -> c.get(CustomerRegistryProviderFactory.JOIN_POLICY))
                .map(String::strip)
                .orElse("");
    }

    /**
     * "I belong to this customer", checked against the registry: the active customer when the digits are
     * right. Whatever the answer, it costs one registry read and one constant-time compare (with a decoy
     * when the number is unknown or inactive), so the time taken does not tell whether a customer number
     * exists. Every entry point (verification page, login form, "Lägg till kundkonto", BankID) asks here;
     * Keycloak's user lookup never sees the registry.
     */
    public Optional<CustomerRecord> verify(CustomerNumber number, String typedDigits) {
        return verified(number, typedDigits);
    }

    private Optional<CustomerRecord> verified(CustomerNumber number, String typedDigits) {
        Optional<OrgDigits> typed = OrgDigits.parse(typedDigits);
        Optional<CustomerRecord> customer = find(number).filter(CustomerRecord::active);
        OrgDigits expected = customer.map(c -> c.orgNumber().lastFour()).orElse(DECOY);
        boolean matches = typed.map(expected::matches).orElse(false);
        return matches ? customer : Optional.empty();
    }

    private Optional<CustomerRecord> find(CustomerNumber number) {
        return read(registry -> registry.find(number));
    }

    /** All customers and the active ones, for the realm admins' uptake report. */
    public RegistryCensus census() {
        return read(CustomerRegistry::census);
    }

    /** How many of {@code numbers} the registry holds, and how many of those are active. */
    public RegistryCensus censusAmong(Collection<String> numbers) {
        return read(registry -> registry.censusAmong(numbers));
    }

    /** See {@link CustomerRegistry#activeAfter}. */
    public List<RegistryListing> activeAfter(String after, String pattern, int limit) {
        return read(registry -> registry.activeAfter(after, pattern, limit));
    }

    /**
     * Reads in a short transaction of its own. The registry is a second database: enlisted in
     * Keycloak's transaction, even a read would need two-phase commit (on PostgreSQL, prepared
     * transactions, off by default), and a registry hiccup could roll back Keycloak's own work.
     */
    private <T> T read(Function<CustomerRegistry, T> question) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(
                    session.getKeycloakSessionFactory(), readSession -> {
                        T answer = question.apply(registry(readSession));
                        if (markedForRollback(readSession)) {
                            // Hibernate answers a read that failed inside a JTA transaction it then marked for rollback
                            // (a pooled connection the database had closed) with "not found": that is an outage, not an
                            // unknown customer, and must not count as a wrong answer.
                            throw new StorageUnavailableException(
                                    "Customer registry read failed: its transaction was marked for rollback");
                        }
                        return answer;
                    });
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // One exception type for "the registry did not answer": the verification says so and counts nobody.
            throw new StorageUnavailableException("Customer registry is not reachable", e);
        }
    }

    private static boolean markedForRollback(KeycloakSession readSession) {
        if (readSession.getTransactionManager().getRollbackOnly()) {
            return true;
        }
        JtaTransactionManagerLookup lookup = readSession.getProvider(JtaTransactionManagerLookup.class);
        TransactionManager jta = lookup == null ? null : lookup.getTransactionManager();
        try {
            return jta != null && jta.getStatus() == Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException e) {
            return true;
        }
    }

    private CustomerRegistry registry(KeycloakSession readSession) {
        JpaConnectionProvider jpa = readSession.getProvider(JpaConnectionProvider.class, config.persistenceUnit());
        if (jpa == null) {
            throw new StorageUnavailableException("Customer registry persistence unit '" + config.persistenceUnit()
                    + "' is not available: configure the additional datasource with db-kind-"
                    + config.persistenceUnit());
        }
        return new CustomerRegistry(jpa.getEntityManager());
    }

    @Override
    public void close() {}
}
