package se.kundkonto.api;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import se.kundkonto.customer.PackVersion;

/** Serves the customer-admin API at {@code /realms/{realm}/kundkonto}. */
public final class CustomerAdminResourceProviderFactory
        implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new CustomerAdminResourceProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(AccountConsoleScope::onEvent);
    }

    @Override
    public void close() {}

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "path",
                "/realms/{realm}/kundkonto",
                "requiredScope",
                Caller.REQUIRED_SCOPE,
                "openapi",
                "customer-admin-api/openapi.yaml in the source repository"));
    }
}
