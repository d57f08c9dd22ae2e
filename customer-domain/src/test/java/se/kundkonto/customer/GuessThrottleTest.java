package se.kundkonto.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.kundkonto.customer.GuessThrottle.CustomerNumberOrRaw;

class GuessThrottleTest {

    /** An in-memory store with the same put-if-absent contract as Keycloak's single-use store. */
    static final class MemoryStore implements GuessThrottle.SlotStore {
        final Set<String> keys = new HashSet<>();

        @Override
        public boolean claim(String key, long lifespanSeconds) {
            return keys.add(key);
        }

        @Override
        public boolean exists(String key) {
            return keys.contains(key);
        }

        @Override
        public void release(String key) {
            keys.remove(key);
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final GuessThrottle throttle = new GuessThrottle(store, new GuessLimits(3, 5, 900));
    private final CustomerNumberOrRaw customer = CustomerNumberOrRaw.of("01020304");

    @Test
    void locksACustomerNumberAfterMaxFailures() {
        throttle.recordFailure("reg", customer, "10.0.0.1");
        throttle.recordFailure("reg", customer, "10.0.0.2");
        assertThat(throttle.isLocked("reg", customer, "10.0.0.3")).isFalse();
        throttle.recordFailure("reg", customer, "10.0.0.3");
        assertThat(throttle.isLocked("reg", customer, "10.0.0.4")).isTrue();
    }

    @Test
    void locksAClientThatVariesTheCustomerNumber() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("reg", CustomerNumberOrRaw.of("0000000" + i), "10.0.0.9");
        }
        assertThat(throttle.isLocked("reg", CustomerNumberOrRaw.of("99999999"), "10.0.0.9")).isTrue();
        assertThat(throttle.isLocked("reg", CustomerNumberOrRaw.of("99999999"), "10.0.0.10")).isFalse();
    }

    @Test
    void spacingOfTheNumberDoesNotEscapeTheCount() {
        throttle.recordFailure("reg", CustomerNumberOrRaw.of("0102 0304"), "a");
        throttle.recordFailure("reg", CustomerNumberOrRaw.of("01-020304"), "b");
        throttle.recordFailure("reg", CustomerNumberOrRaw.of("01020304"), "c");
        assertThat(throttle.isLocked("reg", customer, "d")).isTrue();
    }

    @Test
    void successClearsTheCustomerButNotTheClient() {
        throttle.recordFailure("reg", customer, "10.0.0.1");
        throttle.recordFailure("reg", customer, "10.0.0.1");
        throttle.recordSuccess("reg", customer);
        throttle.recordFailure("reg", customer, "10.0.0.1");
        throttle.recordFailure("reg", customer, "10.0.0.1");
        assertThat(throttle.isLocked("reg", customer, "10.0.0.2")).isFalse();
        throttle.recordFailure("reg", customer, "10.0.0.1");
        assertThat(throttle.isLocked("reg", CustomerNumberOrRaw.of("11112222"), "10.0.0.1")).isTrue();
    }

    @Test
    void scopesAreSeparateRealms() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("realmA", customer, "x" + i);
        }
        assertThat(throttle.isLocked("realmA", customer, "y")).isTrue();
        assertThat(throttle.isLocked("realmB", customer, "y")).isFalse();
    }
}
