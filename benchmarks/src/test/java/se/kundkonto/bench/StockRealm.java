package se.kundkonto.bench;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm export with the pack taken out: Keycloak's own flows, required actions, user profile,
 * themes and event listeners; no registry federation, no kundkonto client scope, no BankID broker,
 * no Organizations. Everything else (clients, password policy, brute-force protection, events,
 * locales, SMTP) stays, so the two sides differ by the pack and nothing else.
 */
public class StockRealm implements RealmConfig {

    static final String SCOPE = "kundkonto";
    static final String REPORT_CLIENT = "kundkonto-uptake-report";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("bench-stock").update(StockRealm::withoutPack);
    }

    static void withoutPack(RealmRepresentation r) {
        r.setBrowserFlow(null);
        r.setRegistrationFlow(null);
        r.setResetCredentialsFlow(null);
        r.setFirstBrokerLoginFlow(null);
        r.setAuthenticationFlows(null);
        r.setAuthenticatorConfig(null);
        r.setRequiredActions(null);
        r.setComponents(null);
        r.setIdentityProviders(null);
        r.setIdentityProviderMappers(null);
        r.setLoginTheme(null);
        r.setEmailTheme(null);
        r.setAccountTheme(null);
        r.setEventsListeners(List.of("jboss-logging"));
        r.setOrganizationsEnabled(false);
        r.setClientScopes(
                r.getClientScopes() == null
                        ? null
                        : new ArrayList<>(r.getClientScopes().stream()
                                .filter(s -> !SCOPE.equals(s.getName()))
                                .toList()));
        r.setDefaultDefaultClientScopes(without(r.getDefaultDefaultClientScopes()));
        // The uptake report's client and its scope mapping serve a page of the pack only.
        r.setClients(new ArrayList<>(r.getClients().stream()
                .filter(c -> !REPORT_CLIENT.equals(c.getClientId()))
                .toList()));
        r.setClientScopeMappings(null);
        for (ClientRepresentation client : r.getClients()) {
            client.setDefaultClientScopes(without(client.getDefaultClientScopes()));
            client.setOptionalClientScopes(without(client.getOptionalClientScopes()));
        }
    }

    private static List<String> without(List<String> scopes) {
        return scopes == null
                ? null
                : new ArrayList<>(scopes.stream().filter(s -> !SCOPE.equals(s)).toList());
    }
}
