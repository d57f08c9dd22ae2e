package se.kundkonto.bench;

import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

import se.kundkonto.it.KundkontoServerConfig;

/**
 * The integration tests' server, with the theme and template caches on as in production. The test
 * framework starts Keycloak with {@code start-dev}, which turns both off so that a changed template shows
 * at once; then every page and e-mail is parsed again from its FreeMarker source on every request, and
 * message bundles are read again. A profile of the registration flow showed a quarter of the server's CPU
 * in FreeMarker's parser. That is a cost of development mode, not of the pack or of Keycloak in
 * production, and it weighs on a flow by how many pages it renders, so it would inflate the pack's ratios.
 * {@code -Dkundkonto.bench.theme.cache=false} measures as the tests' server runs.
 */
public class BenchServerConfig extends KundkontoServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        KeycloakServerConfigBuilder server = super.configure(config);
        if (Boolean.parseBoolean(System.getProperty("kundkonto.bench.theme.cache", "true"))) {
            server.option("spi-theme--cache-themes", "true");
            server.option("spi-theme--cache-templates", "true");
        }
        return server;
    }
}
