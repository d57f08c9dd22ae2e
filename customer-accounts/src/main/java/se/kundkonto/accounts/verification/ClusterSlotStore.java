package se.kundkonto.accounts.verification;

import org.keycloak.models.SingleUseObjectProvider;

import se.kundkonto.customer.GuessThrottle;

/** The throttle's slots in Keycloak's cluster-wide single-use store (replicated across nodes). */
final class ClusterSlotStore implements GuessThrottle.SlotStore {

    private final SingleUseObjectProvider store;

    ClusterSlotStore(SingleUseObjectProvider store) {
        this.store = store;
    }

    @Override
    public boolean claim(String key, long lifespanSeconds) {
        return store.putIfAbsent(key, lifespanSeconds);
    }

    @Override
    public boolean exists(String key) {
        return store.contains(key);
    }

    @Override
    public void release(String key) {
        store.remove(key);
    }
}
