package se.kundkonto.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import se.kundkonto.customer.GuessThrottle.Attempt;
import se.kundkonto.customer.GuessThrottle.CustomerNumberOrRaw;

class GuessThrottleTest {

    /** An in-memory store with the contract of Keycloak's single-use store: atomic put-if-absent, entries expire. */
    static final class MemoryStore implements GuessThrottle.SlotStore {
        final Map<String, Long> expiries = new ConcurrentHashMap<>();
        final AtomicLong now;

        MemoryStore(AtomicLong now) {
            this.now = now;
        }

        @Override
        public boolean claim(String key, long lifespanSeconds) {
            expiries.computeIfPresent(key, (k, expiry) -> expiry <= now.get() ? null : expiry);
            return expiries.putIfAbsent(key, now.get() + lifespanSeconds) == null;
        }

        @Override
        public boolean exists(String key) {
            Long expiry = expiries.get(key);
            return expiry != null && expiry > now.get();
        }

        @Override
        public void release(String key) {
            expiries.remove(key);
        }
    }

    /** A Tuesday 00:00 UTC: the start of a 6 h bucket. */
    private static final long START = 1_795_478_400L;

    private final AtomicLong clock = new AtomicLong(START);
    private final MemoryStore store = new MemoryStore(clock);
    private final GuessThrottle throttle = new GuessThrottle(store, new GuessLimits(3, 5, 900, 20), clock::get);
    private final CustomerNumberOrRaw customer = CustomerNumberOrRaw.of("01020304");

    private boolean fail(GuessThrottle t, String scope, CustomerNumberOrRaw number, String client) {
        Attempt attempt = t.begin(scope, number, client);
        assertThat(attempt.allowed()).as("attempt allowed").isTrue();
        return attempt.failed();
    }

    @Test
    void locksACustomerNumberAfterMaxFailures() {
        assertThat(START % GuessLimits.BUCKET_SECONDS).isZero();
        fail(throttle, "reg", customer, "10.0.0.1");
        fail(throttle, "reg", customer, "10.0.0.2");
        assertThat(throttle.state("reg", customer).locked()).isFalse();
        fail(throttle, "reg", customer, "10.0.0.3");
        assertThat(throttle.state("reg", customer).locked()).isTrue();
        assertThat(throttle.begin("reg", customer, "10.0.0.4").allowed()).isFalse();
    }

    @Test
    void locksAClientThatVariesTheCustomerNumber() {
        for (int i = 0; i < 5; i++) {
            fail(throttle, "reg", CustomerNumberOrRaw.of("0000000" + i), "10.0.0.9");
        }
        assertThat(throttle.begin("reg", CustomerNumberOrRaw.of("99999999"), "10.0.0.9")
                        .allowed())
                .isFalse();
        assertThat(throttle.begin("reg", CustomerNumberOrRaw.of("99999999"), "10.0.0.10")
                        .allowed())
                .isTrue();
    }

    @Test
    void aRefusedAttemptCostsNobodyASlot() {
        for (int i = 0; i < 5; i++) {
            fail(throttle, "reg", CustomerNumberOrRaw.of("0000000" + i), "10.0.0.9");
        }
        throttle.begin("reg", customer, "10.0.0.9");
        assertThat(throttle.state("reg", customer).failuresInWindow()).isZero();
    }

    @Test
    void spacingOfTheNumberDoesNotEscapeTheCount() {
        fail(throttle, "reg", CustomerNumberOrRaw.of("0102 0304"), "a");
        fail(throttle, "reg", CustomerNumberOrRaw.of("01-020304"), "b");
        fail(throttle, "reg", CustomerNumberOrRaw.of("01020304"), "c");
        assertThat(throttle.begin("reg", customer, "d").allowed()).isFalse();
    }

    @Test
    void successClearsTheWindowButNeitherTheDayNorTheClient() {
        fail(throttle, "reg", customer, "10.0.0.1");
        fail(throttle, "reg", customer, "10.0.0.1");
        throttle.begin("reg", customer, "10.0.0.1").succeeded();
        assertThat(throttle.state("reg", customer)).isEqualTo(new GuessThrottle.State(false, 0, 2));
        fail(throttle, "reg", customer, "10.0.0.1");
        assertThat(throttle.state("reg", customer)).isEqualTo(new GuessThrottle.State(false, 1, 3));
        fail(throttle, "reg", CustomerNumberOrRaw.of("33334444"), "10.0.0.1");
        fail(throttle, "reg", CustomerNumberOrRaw.of("33334444"), "10.0.0.1");
        assertThat(throttle.begin("reg", CustomerNumberOrRaw.of("11112222"), "10.0.0.1")
                        .allowed())
                .as("client has 5 failures")
                .isFalse();
    }

    @Test
    void theShortWindowEndsWhileTheDailyBucketRemembers() {
        // per bucket: 20 / 5 = 4
        for (int i = 0; i < 3; i++) {
            fail(throttle, "reg", customer, "a" + i);
        }
        assertThat(throttle.begin("reg", customer, "x").allowed()).isFalse();
        clock.addAndGet(901);
        assertThat(fail(throttle, "reg", customer, "b"))
                .as("the 4th failure of the bucket starts a lock")
                .isFalse();
        assertThat(throttle.state("reg", customer)).isEqualTo(new GuessThrottle.State(true, 1, 4));
        clock.addAndGet(901);
        assertThat(throttle.begin("reg", customer, "c").allowed())
                .as("daily cap: the window has passed, the bucket is full")
                .isFalse();
        clock.set(START + GuessLimits.BUCKET_SECONDS);
        assertThat(throttle.begin("reg", customer, "d").allowed())
                .as("next bucket")
                .isTrue();
    }

    @Test
    void oneNoticePerLockEpisodeUntilAnAdminClearsIt() {
        assertThat(fail(throttle, "reg", customer, "a")).isFalse();
        assertThat(fail(throttle, "reg", customer, "b")).isFalse();
        assertThat(fail(throttle, "reg", customer, "c"))
                .as("this failure locks")
                .isTrue();
        clock.addAndGet(901);
        fail(throttle, "reg", customer, "d");
        assertThat(throttle.state("reg", customer).locked())
                .as("bucket of 4 is full")
                .isTrue();
        clock.set(START + GuessLimits.BUCKET_SECONDS);
        fail(throttle, "reg", customer, "e");
        fail(throttle, "reg", customer, "f");
        assertThat(fail(throttle, "reg", customer, "g"))
                .as("same episode: no second notice")
                .isFalse();

        throttle.clear("reg", customer);
        assertThat(throttle.state("reg", customer)).isEqualTo(new GuessThrottle.State(false, 0, 0));
        fail(throttle, "reg", customer, "h");
        fail(throttle, "reg", customer, "i");
        assertThat(fail(throttle, "reg", customer, "j"))
                .as("a new episode after the unlock")
                .isTrue();
    }

    @Test
    void anUnjudgedAttemptGivesItsSlotsBack() {
        throttle.begin("reg", customer, "a").abandoned();
        assertThat(throttle.state("reg", customer)).isEqualTo(new GuessThrottle.State(false, 0, 0));
    }

    @Test
    void scopesAreSeparateRealms() {
        for (int i = 0; i < 3; i++) {
            fail(throttle, "realmA", customer, "x" + i);
        }
        assertThat(throttle.begin("realmA", customer, "y").allowed()).isFalse();
        assertThat(throttle.begin("realmB", customer, "y").allowed()).isTrue();
    }

    /**
     * The shipped limits against the fastest blind attacker (unlimited addresses, one guess the moment
     * one is allowed, every minute for 30 days): no 24 h anywhere holds more than 80 judged failures,
     * so finding 4 digits takes 5000 guesses on average, ≥ 60 days.
     */
    @Test
    void noTwentyFourHoursEverJudgeMoreThanTheDailyBudget() {
        GuessThrottle shipped = new GuessThrottle(store, GuessLimits.DEFAULT, clock::get);
        clock.set(START + 3 * 3600 + 7); // not aligned to a bucket on purpose
        List<Long> judged = new ArrayList<>();
        int address = 0;
        for (long minute = 0; minute < 30 * 24 * 60; minute++) {
            clock.set(START + 3 * 3600 + 7 + minute * 60);
            Attempt attempt = shipped.begin("realm", customer, "addr" + (address++));
            if (attempt.allowed()) {
                attempt.failed();
                judged.add(clock.get());
            }
        }
        int worst = 0;
        for (int i = 0, j = 0; i < judged.size(); i++) {
            while (judged.get(i) - judged.get(j) >= 24 * 3600) {
                j++;
            }
            worst = Math.max(worst, i - j + 1);
        }
        assertThat(worst)
                .isLessThanOrEqualTo(GuessLimits.DEFAULT.maxFailuresPerCustomerPerDay())
                .isLessThanOrEqualTo(80);
        double averageDays = 10_000 / 2.0 / worst;
        assertThat(averageDays).isGreaterThanOrEqualTo(60);
        assertThat(GuessLimits.DEFAULT.averageDaysToGuessFourDigits()).isGreaterThanOrEqualTo(60);
        assertThat(judged.size() / 30.0).as("sustained rate per day").isLessThanOrEqualTo(80);
    }

    @Test
    void theBoundHoldsForAnyDailyBudget() {
        for (int budget = GuessLimits.BUCKETS_TOUCHED_PER_DAY; budget <= 1000; budget++) {
            GuessLimits limits = new GuessLimits(5, 20, 900, budget);
            assertThat(limits.worstCasePerDay()).isLessThanOrEqualTo(budget).isPositive();
        }
    }

    /** However many wrong guesses race for one number, no more are judged than the window allows. */
    @Test
    void concurrentGuessesNeverExceedTheLimit() throws Exception {
        int threads = 24;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> judged = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String address = "10.1.0." + i;
                judged.add(pool.submit(() -> {
                    barrier.await();
                    Attempt attempt = throttle.begin("reg", customer, address);
                    if (attempt.allowed()) {
                        attempt.failed();
                    }
                    return attempt.allowed();
                }));
            }
            int count = 0;
            for (Future<Boolean> f : judged) {
                count += f.get() ? 1 : 0;
            }
            assertThat(count).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
