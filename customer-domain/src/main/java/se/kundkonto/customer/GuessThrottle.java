package se.kundkonto.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Limits guessing of the last four digits, per customer number and per client address.
 *
 * <p>Every attempt first <em>reserves</em> a numbered slot ({@code key#1..key#max}) with an atomic
 * put-if-absent in a cluster-wide store — in the customer number's short window, in its current 6 h
 * bucket of the daily budget, and in the client address's window — and is judged only when it got
 * all three. So however many requests race, no more attempts are judged than there are slots; the
 * limits hold exactly across cluster nodes without a compare-and-set counter. A wrong answer keeps
 * its slots; a right one (or one the registry could not judge) gives its own back and, right ones
 * only, clears the number's short window — never the daily buckets, so correct answers in between do
 * not buy a guesser more daily tries.
 *
 * <p>Bucket keys carry the bucket number from the clock given here (Keycloak's {@code Time}, which
 * follows the test framework's time offset), so the day rolls over without waiting for expiry; the
 * slots' lifespans only collect the garbage.
 */
public final class GuessThrottle {

    /** The cluster-wide store; in Keycloak the {@code SingleUseObjectProvider}. */
    public interface SlotStore {
        /** Atomically stores the key unless present; true when this call stored it. */
        boolean claim(String key, long lifespanSeconds);

        boolean exists(String key);

        void release(String key);
    }

    /** How long one lock episode lasts for the notices: one e-mail and one event per number per day at most. */
    public static final long EPISODE_SECONDS = 24 * 60 * 60;

    private static final long BUCKET_LIFESPAN = 24 * 60 * 60 + GuessLimits.BUCKET_SECONDS;

    private final SlotStore store;
    private final GuessLimits limits;
    private final LongSupplier clock;

    /** @param clock seconds since the epoch, e.g. Keycloak's {@code Time::currentTime} */
    public GuessThrottle(SlotStore store, GuessLimits limits, LongSupplier clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    public GuessLimits limits() {
        return limits;
    }

    /** Reserves the slots for one attempt, or says it may not be judged at all. */
    public Attempt begin(String scope, CustomerNumberOrRaw customer, String clientAddress) {
        Keys keys = new Keys(scope, customer);
        List<String> held = new ArrayList<>(3);
        String window = claimNextSlot(keys.window(), limits.maxFailuresPerCustomer(), limits.windowSeconds());
        String bucket =
                window == null ? null : claimNextSlot(keys.bucket(bucketNow()), limits.perBucket(), BUCKET_LIFESPAN);
        String client = bucket == null
                ? null
                : claimNextSlot(clientKey(scope, clientAddress), limits.maxFailuresPerClient(), limits.windowSeconds());
        for (String slot : new String[] {window, bucket, client}) {
            if (slot != null) {
                held.add(slot);
            }
        }
        if (client == null) {
            held.forEach(store::release);
            return new Attempt(keys, List.of(), false);
        }
        boolean last =
                window.endsWith("#" + limits.maxFailuresPerCustomer()) || bucket.endsWith("#" + limits.perBucket());
        return new Attempt(keys, held, last);
    }

    /** What a realm admin sees for one number: its counts now, and whether its next attempt is refused. */
    public State state(String scope, CustomerNumberOrRaw customer) {
        Keys keys = new Keys(scope, customer);
        int window = count(keys.window(), limits.maxFailuresPerCustomer());
        long now = bucketNow();
        int thisBucket = count(keys.bucket(now), limits.perBucket());
        int day = thisBucket;
        for (long b = now - GuessLimits.BUCKETS_TOUCHED_PER_DAY + 1; b < now; b++) {
            day += count(keys.bucket(b), limits.perBucket());
        }
        boolean locked = window >= limits.maxFailuresPerCustomer() || thisBucket >= limits.perBucket();
        return new State(locked, window, day);
    }

    /** A realm admin's unlock: the number's window, its daily buckets and its lock episode are forgotten. */
    public void clear(String scope, CustomerNumberOrRaw customer) {
        Keys keys = new Keys(scope, customer);
        releaseAll(keys.window(), limits.maxFailuresPerCustomer());
        long now = bucketNow();
        for (long b = now - GuessLimits.BUCKETS_TOUCHED_PER_DAY + 1; b <= now; b++) {
            releaseAll(keys.bucket(b), limits.perBucket());
        }
        store.release(keys.episode());
    }

    public record State(boolean locked, int failuresInWindow, int failuresInDay) {}

    /** One attempt that holds its reserved slots until it is judged. */
    public final class Attempt {
        private final Keys keys;
        private final List<String> held;
        private final boolean lastSlot;

        private Attempt(Keys keys, List<String> held, boolean lastSlot) {
            this.keys = keys;
            this.held = held;
            this.lastSlot = lastSlot;
        }

        /** False when the number or the address has no slot left: the attempt must be refused unjudged. */
        public boolean allowed() {
            return !held.isEmpty();
        }

        /**
         * A wrong answer: its slots stay taken. True when this failure started a lock episode (it took
         * the last slot of the window or of the day's bucket, and no episode of this number is open),
         * i.e. when the number's Admins must be told.
         */
        public boolean failed() {
            return lastSlot && store.claim(keys.episode(), EPISODE_SECONDS);
        }

        /** A right answer: costs nothing, and the number's short window starts again (its daily count stays). */
        public void succeeded() {
            held.forEach(store::release);
            releaseAll(keys.window(), limits.maxFailuresPerCustomer());
        }

        /** Not judged (the registry did not answer): counts against nobody. */
        public void abandoned() {
            held.forEach(store::release);
        }
    }

    private long bucketNow() {
        return Math.floorDiv(clock.getAsLong(), GuessLimits.BUCKET_SECONDS);
    }

    private String claimNextSlot(String key, int max, long lifespan) {
        for (int i = 1; i <= max; i++) {
            String slot = slot(key, i);
            if (store.claim(slot, lifespan)) {
                return slot;
            }
        }
        return null;
    }

    private int count(String key, int max) {
        int n = 0;
        for (int i = 1; i <= max; i++) {
            if (store.exists(slot(key, i))) {
                n++;
            }
        }
        return n;
    }

    private void releaseAll(String key, int max) {
        for (int i = 1; i <= max; i++) {
            store.release(slot(key, i));
        }
    }

    private record Keys(String scope, CustomerNumberOrRaw customer) {
        String base() {
            return "kundkonto.guess." + scope + ".customer." + customer.key();
        }

        String window() {
            return base();
        }

        String bucket(long bucket) {
            return base() + ".day." + bucket;
        }

        String episode() {
            return base() + ".locked";
        }
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
