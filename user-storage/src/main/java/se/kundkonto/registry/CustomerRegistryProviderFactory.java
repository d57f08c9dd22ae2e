package se.kundkonto.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.storage.UserStorageProviderFactory;

import se.kundkonto.customer.GuessLimits;
import se.kundkonto.customer.PackVersion;

/** Registers the customer registry under User federation in the admin console. */
public final class CustomerRegistryProviderFactory
        implements UserStorageProviderFactory<CustomerRegistryProvider>, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "customer-registry";
    public static final String JOIN_POLICY = "joinPolicy";

    private static final List<ProviderConfigProperty> OWN_CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(CustomerRegistryConfig.PERSISTENCE_UNIT)
            .label("Persistence unit")
            .helpText(
                    "JPA persistence unit (and Keycloak additional datasource) that holds the customer registry table "
                            + "'customer_registry'. The pack ships the unit 'kundregister', configured with the server options "
                            + "db-kind-kundregister, db-url-full-kundregister, db-username-kundregister and db-password-kundregister.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(CustomerRegistryConfig.DEFAULT_PERSISTENCE_UNIT)
            .add()
            .property()
            .name(JOIN_POLICY)
            .label("Join policy")
            .helpText("Role of a person who joins a customer account with its customer number and digits. "
                    + "'everyone-admin' (default, the portal's rule): everyone becomes Admin. "
                    + "'first-admin-then-user': the first member becomes Admin, later ones User. "
                    + "'admin-approval': the first member becomes Admin, later ones wait as Pending until an Admin "
                    + "gives them a role. Existing Admins are e-mailed whenever someone joins.")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options("everyone-admin", "first-admin-then-user", "admin-approval")
            .defaultValue("everyone-admin")
            .add()
            .property()
            .name(InvitationLimitSetting.NAME)
            .label(InvitationLimitSetting.LABEL)
            .helpText(InvitationLimitSetting.HELP)
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(InvitationLimitSetting.DEFAULT)
            .add()
            .build();

    /** The registry's own settings, then the guess limits that every verification entry point reads from here. */
    private static final List<ProviderConfigProperty> CONFIG = withGuessLimits();

    private static List<ProviderConfigProperty> withGuessLimits() {
        List<ProviderConfigProperty> all = new ArrayList<>(OWN_CONFIG);
        all.addAll(GuessLimitsConfig.PROPERTIES);
        return List.copyOf(all);
    }

    @Override
    public CustomerRegistryProvider create(KeycloakSession session, ComponentModel model) {
        return new CustomerRegistryProvider(session, model);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Customer registry (kundregister): the customer numbers and organisation numbers that customer verification "
                + "checks (customer number + last four digits). Read-only, and not a source of users: registry entries are "
                + "never found by Keycloak's user lookup, so they can neither log in nor be told apart from unknown numbers.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        String unit = new CustomerRegistryConfig(model).persistenceUnit();
        if (session.getProvider(JpaConnectionProvider.class, unit) == null) {
            throw new ComponentValidationException("No persistence unit named '" + unit
                    + "' on this server. Set db-kind-" + unit + " and db-url-full-" + unit + " and rebuild.");
        }
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "defaultPersistenceUnit", CustomerRegistryConfig.DEFAULT_PERSISTENCE_UNIT,
                "table", "customer_registry",
                "userLookup", "none",
                "readOnly", "true",
                "defaultGuessLimits", GuessLimits.DEFAULT.toString(),
                "guessThrottleStore", "SingleUseObjectProvider (cluster-wide)"));
    }
}
