package se.kundkonto.bench;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm export with the guess throttle opened wide, so hundreds of wrong guesses reach the
 * registry read instead of the lock: the timing-parity measurement needs the real path. Only for
 * this benchmark; the shipped limits stay 5 per number, 20 per client address and 80 per number a day.
 * It also has a client with the password grant on ({@value #SCRIPT_CLIENT}, the realm export has none),
 * so the grant's user lookup is measured and not only the refusal of a client that does not allow it.
 */
public class ParityRealm implements RealmConfig {

    static final String WIDE_OPEN = "1000000";
    static final String SCRIPT_CLIENT = "bench-script";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("bench-parity").update(r -> {
            // The limits live on the customer-registry federation (one place for every entry point).
            for (ComponentExportRepresentation registry :
                    r.getComponents().get("org.keycloak.storage.UserStorageProvider")) {
                if ("customer-registry".equals(registry.getProviderId())) {
                    registry.getConfig().putSingle("maxFailuresPerCustomer", WIDE_OPEN);
                    registry.getConfig().putSingle("maxFailuresPerClient", WIDE_OPEN);
                    registry.getConfig().putSingle("maxFailuresPerCustomerPerDay", WIDE_OPEN);
                    registry.getConfig().putSingle("windowMinutes", "1");
                }
            }
            ClientRepresentation script = new ClientRepresentation();
            script.setClientId(SCRIPT_CLIENT);
            script.setPublicClient(true);
            script.setStandardFlowEnabled(false);
            script.setDirectAccessGrantsEnabled(true);
            r.getClients().add(script);
        });
    }
}
