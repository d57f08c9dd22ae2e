package se.kundkonto.it;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The server every test runs on: Keycloak with the kundkonto pack in providers/ and the customer
 * registry as an additional datasource — H2 in memory seeded with the demo customers, or the
 * PostgreSQL registry that {@link RegistryDatabase} prepares when {@code kundkonto.registry.db=postgres}.
 */
public class KundkontoServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        config.dependency("se.kundkonto", "kundkonto");
        // The framework's time-offset endpoint, for expiry tests (test server only, never in the pack).
        config.dependency("org.keycloak.testframework", "keycloak-test-framework-remote-providers");
        // Bulk seeding for the scale tests (test server only, never in the pack).
        config.dependency("se.kundkonto", "kundkonto-test-providers");
        RegistryDatabase.current().options().forEach(config::option);
        // /health/ready and /metrics on the management port, as in the production image (RegistryOutageIT, MetricsIT).
        config.option("health-enabled", "true");
        config.option("metrics-enabled", "true");
        config.log().categoryLevel("se.kundkonto", "DEBUG");
        return config;
    }
}
