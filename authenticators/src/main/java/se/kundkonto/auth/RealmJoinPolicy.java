package se.kundkonto.auth;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import se.kundkonto.accounts.Admission;
import se.kundkonto.accounts.JoinPolicy;
import se.kundkonto.registry.CustomerRegistryProvider;

/**
 * The join policy the flow steps hand to {@link Admission}: set on the realm's customer registry
 * (User federation → Kundregister → Join policy), the portal's rule when there is none.
 */
public final class RealmJoinPolicy {

    private RealmJoinPolicy() {}

    public static Admission admission(KeycloakSession session, RealmModel realm) {
        return new Admission(session, realm, of(realm));
    }

    public static JoinPolicy of(RealmModel realm) {
        return JoinPolicy.parse(CustomerRegistryProvider.joinPolicySetting(realm));
    }
}
