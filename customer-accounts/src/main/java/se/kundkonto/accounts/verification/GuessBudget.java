package se.kundkonto.accounts.verification;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import se.kundkonto.customer.GuessThrottle;
import se.kundkonto.registry.CustomerRegistryProvider;
import se.kundkonto.registry.GuessLimitsConfig;

/**
 * The realm's one guess counter: limits from its customer-registry federation, slots in Keycloak's
 * cluster-wide single-use store, time from Keycloak's clock. Every entry point and the admin
 * endpoint get it here, so they can never disagree about a number's count.
 */
public final class GuessBudget {

    private GuessBudget() {}

    public static GuessThrottle of(KeycloakSession session, RealmModel realm) {
        return new GuessThrottle(
                new ClusterSlotStore(session.singleUseObjects()),
                GuessLimitsConfig.from(
                        CustomerRegistryProvider.configured(realm).orElse(null)),
                Time::currentTime);
    }
}
