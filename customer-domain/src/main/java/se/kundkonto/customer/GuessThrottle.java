package se.kundkonto.customer;

/**
 * Limits guessing of the last four digits, per customer number and per client address.
 *
 * <p>Each failure claims one numbered slot ({@code key#1..key#max}) with an atomic put-if-absent
 * in a cluster-wide store; a key is locked while its last slot exists. Atomic claims keep the limit
 * exact across nodes without a compare-and-set counter, and each slot expires on its own, so a lock
 * ends one window after the failure that caused it.
 */
public final class GuessThrottle {

    /** The cluster-wide store; in Keycloak the {@code SingleUseObjectProvider}. */
    public interface SlotStore {
        /** Atomically stores the key unless present; true when this call stored it. */
        boolean claim(String key, long lifespanSeconds);

        boolean exists(String key);

        void release(String key);
    }

    private final SlotStore store;
    private final GuessLimits limits;

    public GuessThrottle(SlotStore store, GuessLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    public boolean isLocked(String scope, CustomerNumberOrRaw customer, String clientAddress) {
        return store.exists(slot(customerKey(scope, customer), limits.maxFailuresPerCustomer()))
                || store.exists(slot(clientKey(scope, clientAddress), limits.maxFailuresPerClient()));
    }

    public void recordFailure(String scope, CustomerNumberOrRaw customer, String clientAddress) {
        claimNextSlot(customerKey(scope, customer), limits.maxFailuresPerCustomer());
        claimNextSlot(clientKey(scope, clientAddress), limits.maxFailuresPerClient());
    }

    /** A correct answer clears the customer's count; the client's count stays (it may be spraying numbers). */
    public void recordSuccess(String scope, CustomerNumberOrRaw customer) {
        String key = customerKey(scope, customer);
        for (int i = 1; i <= limits.maxFailuresPerCustomer(); i++) {
            store.release(slot(key, i));
        }
    }

    private void claimNextSlot(String key, int max) {
        for (int i = 1; i <= max; i++) {
            if (store.claim(slot(key, i), limits.windowSeconds())) {
                return;
            }
        }
    }

    private static String customerKey(String scope, CustomerNumberOrRaw customer) {
        return "kundkonto.guess." + scope + ".customer." + customer.key();
    }

    private static String clientKey(String scope, String clientAddress) {
        return "kundkonto.guess." + scope + ".client." + (clientAddress == null ? "unknown" : clientAddress);
    }

    private static String slot(String key, int i) {
        return key + "#" + i;
    }

    /**
     * What the person typed as customer number, normalised when it parses, so "0102 0304" and
     * "01020304" share a count; anything else is counted under its own (bounded) text.
     */
    public record CustomerNumberOrRaw(String key) {
        public static CustomerNumberOrRaw of(String typed) {
            return CustomerNumber.parse(typed)
                    .map(n -> new CustomerNumberOrRaw(n.value()))
                    .orElseGet(() -> new CustomerNumberOrRaw("raw:" + abbreviate(typed)));
        }

        private static String abbreviate(String typed) {
            String s = typed == null ? "" : typed.strip();
            return s.length() > 32 ? s.substring(0, 32) : s;
        }
    }
}
