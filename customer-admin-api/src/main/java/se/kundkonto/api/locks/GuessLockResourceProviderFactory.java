package se.kundkonto.api.locks;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

/** Serves {@code /admin/realms/{realm}/kundkonto-guess-locks/{customerNumber}} for realm admins. */
public final class GuessLockResourceProviderFactory
        implements AdminRealmResourceProviderFactory,
                StatelessProviderFactory<AdminRealmResourceProvider>,
                ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto-guess-locks";
    private static final GuessLockResourceProvider SINGLETON = new GuessLockResourceProvider();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "path",
                "/admin/realms/{realm}/" + PROVIDER_ID + "/{customerNumber}",
                "read",
                "GET, realm-management view-users",
                "clear",
                "DELETE, realm-management manage-users (admin event)",
                "openapi",
                "customer-admin-api/openapi-guess-locks.yaml in the source repository"));
    }
}
