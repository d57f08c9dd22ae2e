package se.kundkonto.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Mistakes in the realm export that Keycloak only reports as "Database operation failed" on import. */
class RealmExportTest {

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(Path.of("kundportal-realm.json").toFile());
    }

    @Test
    void everyAuthenticatorIdFitsKeycloaksThirtySixCharacterColumn() throws IOException {
        List<String> authenticators = new ArrayList<>();
        realm().get("authenticationFlows")
                .forEach(flow -> flow.get("authenticationExecutions").forEach(execution -> {
                    if (execution.has("authenticator")) {
                        authenticators.add(execution.get("authenticator").asText());
                    }
                }));
        assertThat(authenticators)
                .isNotEmpty()
                .allSatisfy(id -> assertThat(id.length()).as(id).isLessThanOrEqualTo(36));
    }

    @Test
    void everySubflowAndConfigReferenceExists() throws IOException {
        JsonNode realm = realm();
        Set<String> flows = new HashSet<>();
        realm.get("authenticationFlows")
                .forEach(flow -> flows.add(flow.get("alias").asText()));
        Set<String> configs = new HashSet<>();
        realm.get("authenticatorConfig")
                .forEach(config -> configs.add(config.get("alias").asText()));
        realm.get("authenticationFlows")
                .forEach(flow -> flow.get("authenticationExecutions").forEach(execution -> {
                    if (execution.has("flowAlias")) {
                        assertThat(flows).contains(execution.get("flowAlias").asText());
                    }
                    if (execution.has("authenticatorConfig")) {
                        assertThat(configs)
                                .contains(execution.get("authenticatorConfig").asText());
                    }
                }));
        assertThat(flows)
                .contains(
                        realm.get("firstBrokerLoginFlow").asText(),
                        realm.get("browserFlow").asText(),
                        realm.get("registrationFlow").asText(),
                        realm.get("resetCredentialsFlow").asText());
        realm.get("identityProviders")
                .forEach(idp -> assertThat(flows)
                        .contains(idp.get("firstBrokerLoginFlowAlias").asText()));
    }

    @Test
    void bankIdShipsDisabledWithPlaceholders() throws IOException {
        JsonNode bankId = realm().get("identityProviders").get(0);
        assertThat(bankId.get("alias").asText()).isEqualTo("bankid");
        assertThat(bankId.get("enabled").asBoolean()).isFalse();
        assertThat(bankId.at("/config/clientSecret").asText()).isEqualTo("CHANGE-ME");
        assertThat(bankId.get("trustEmail").asBoolean())
                .as("never link by an e-mail the broker vouches for")
                .isFalse();
    }

    /** One place for the guess limits: the Kundregister federation; no flow execution carries a copy. */
    @Test
    void theGuessLimitsLiveOnlyOnTheCustomerRegistry() throws IOException {
        JsonNode realm = realm();
        JsonNode registry = null;
        for (JsonNode component : realm.at("/components/org.keycloak.storage.UserStorageProvider")) {
            if ("customer-registry".equals(component.get("providerId").asText())) {
                registry = component.get("config");
            }
        }
        assertThat(registry).isNotNull();
        assertThat(registry.at("/maxFailuresPerCustomer/0").asText()).isEqualTo("5");
        assertThat(registry.at("/maxFailuresPerClient/0").asText()).isEqualTo("20");
        assertThat(registry.at("/windowMinutes/0").asText()).isEqualTo("15");
        assertThat(registry.at("/maxFailuresPerCustomerPerDay/0").asText()).isEqualTo("80");
        realm.get("authenticatorConfig")
                .forEach(config -> assertThat(config.get("config").has("maxFailuresPerCustomer"))
                        .as(config.get("alias").asText())
                        .isFalse());
    }

    /**
     * The password grant finds users without the login form's checks and answers from the token endpoint
     * to anyone: no client of the realm offers it. admin-cli is defined here because a realm import that
     * lacks it gets Keycloak's default, public and with the password grant on.
     */
    @Test
    void noClientAllowsThePasswordGrant() throws IOException {
        JsonNode clients = realm().get("clients");
        List<String> ids = new ArrayList<>();
        clients.forEach(client -> {
            ids.add(client.get("clientId").asText());
            assertThat(client.path("directAccessGrantsEnabled").isBoolean())
                    .as(client.get("clientId") + " says so explicitly")
                    .isTrue();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean())
                    .as(client.get("clientId").asText())
                    .isFalse();
        });
        assertThat(ids).contains("admin-cli", "mina-sidor", "kund-app");
    }
}
