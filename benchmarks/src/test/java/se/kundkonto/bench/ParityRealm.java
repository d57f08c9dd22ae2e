package se.kundkonto.bench;

import java.util.List;

import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm export with the guess throttle opened wide, so hundreds of wrong guesses reach the
 * registry lookup instead of the lock: the timing-parity measurement needs the real path. Only for
 * this benchmark; the shipped limits stay 5 per number, 20 per client address and 80 per number a day.
 */
public class ParityRealm implements RealmConfig {

    static final String WIDE_OPEN = "1000000";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("bench-parity").update(r -> {
            // The limits live on the customer-registry federation (one place for every entry point).
            for (ComponentExportRepresentation registry : r.getComponents().get("org.keycloak.storage.UserStorageProvider")) {
                if ("customer-registry".equals(registry.getProviderId())) {
                    registry.getConfig().put("maxFailuresPerCustomer", List.of(WIDE_OPEN));
                    registry.getConfig().put("maxFailuresPerClient", List.of(WIDE_OPEN));
                    registry.getConfig().put("maxFailuresPerCustomerPerDay", List.of(WIDE_OPEN));
                    registry.getConfig().put("windowMinutes", List.of("1"));
                }
            }
        });
    }
}
