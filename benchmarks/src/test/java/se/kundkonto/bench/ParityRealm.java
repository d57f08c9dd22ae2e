package se.kundkonto.bench;

import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm export with the guess throttle opened wide, so hundreds of wrong guesses reach the
 * registry lookup instead of the lock: the timing-parity measurement needs the real path. Only for
 * this benchmark; the shipped limits stay 5 per number and 20 per client address.
 */
public class ParityRealm implements RealmConfig {

    static final String WIDE_OPEN = "1000000";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("bench-parity").update(r -> {
            for (AuthenticatorConfigRepresentation config : r.getAuthenticatorConfig()) {
                if (config.getConfig().containsKey("maxFailuresPerCustomer")) {
                    config.getConfig().put("maxFailuresPerCustomer", WIDE_OPEN);
                    config.getConfig().put("maxFailuresPerClient", WIDE_OPEN);
                    config.getConfig().put("windowMinutes", "1");
                }
            }
        });
    }
}
