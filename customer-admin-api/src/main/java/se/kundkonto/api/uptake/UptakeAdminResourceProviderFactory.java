package se.kundkonto.api.uptake;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

/** Serves the uptake report in Keycloak's admin API, {@code /admin/realms/{realm}/kundkonto-uptake}, for admin tokens. */
public final class UptakeAdminResourceProviderFactory
        implements AdminRealmResourceProviderFactory,
                StatelessProviderFactory<AdminRealmResourceProvider>,
                ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto-uptake";
    private static final UptakeAdminResourceProvider SINGLETON = new UptakeAdminResourceProvider();

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
                "/admin/realms/{realm}/" + PROVIDER_ID
                        + " (and /realms/{realm}/kundkonto/admin/uptake for the realm's own users, with the page)",
                "read",
                "GET, realm-management view-users",
                "openapi",
                "customer-admin-api/openapi-uptake.yaml in the source repository"));
    }
}
