package se.kundkonto.bench;

import java.util.Map;

import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm export with the guess throttle opened wide, so hundreds of wrong guesses reach the
 * registry read instead of the lock: the timing-parity measurement needs the real path. Only for
 * this benchmark; the shipped limits stay 5 per number and 20 per client address. It also has a client
 * with the password grant on ({@value #SCRIPT_CLIENT}, the realm export has none), so the grant's user
 * lookup is measured and not only the refusal of a client that does not allow it.
 */
public class ParityRealm implements RealmConfig {

    static final String WIDE_OPEN = "1000000";
    static final String SCRIPT_CLIENT = "bench-script";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("bench-parity").update(r -> {
            for (AuthenticatorConfigRepresentation config : r.getAuthenticatorConfig()) {
                openWide(config.getConfig());
            }
            // Wherever else the limits are configured (e.g. on the registry federation), open them too.
            if (r.getComponents() != null) {
                r.getComponents().values().forEach(components -> components.forEach(c -> {
                    if (c.getConfig() != null) {
                        c.getConfig().forEach((key, values) -> {
                            if (key.startsWith("maxFailures")) {
                                values.replaceAll(v -> WIDE_OPEN);
                            } else if (key.startsWith("window")) {
                                values.replaceAll(v -> "1");
                            }
                        });
                    }
                }));
            }
            ClientRepresentation script = new ClientRepresentation();
            script.setClientId(SCRIPT_CLIENT);
            script.setPublicClient(true);
            script.setStandardFlowEnabled(false);
            script.setDirectAccessGrantsEnabled(true);
            r.getClients().add(script);
        });
    }

    private static void openWide(Map<String, String> config) {
        if (config.containsKey("maxFailuresPerCustomer")) {
            config.put("maxFailuresPerCustomer", WIDE_OPEN);
            config.put("maxFailuresPerClient", WIDE_OPEN);
            config.put("windowMinutes", "1");
        }
    }
}
