package se.kundkonto.bench;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** The realm export as shipped, under its own name. */
public class PackRealm implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name("bench-pack");
    }
}
