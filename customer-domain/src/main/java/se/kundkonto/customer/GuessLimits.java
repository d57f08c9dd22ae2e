package se.kundkonto.customer;

/**
 * How many wrong answers are allowed: per customer number and per client address within a short
 * window, and per customer number per day.
 *
 * <p>The daily budget is kept in fixed buckets of {@link #BUCKET_SECONDS} (6 h) with a cap of
 * {@link #perBucket()} = budget / 5 each. Any 24 h touch at most 5 such buckets, so no 24 h — aligned
 * or not — ever see more than {@code maxFailuresPerCustomerPerDay} judged failures for one number.
 */
public record GuessLimits(
        int maxFailuresPerCustomer, int maxFailuresPerClient, long windowSeconds, int maxFailuresPerCustomerPerDay) {

    public static final long BUCKET_SECONDS = 6 * 60 * 60;
    /** Buckets that one 24 h interval can touch: 24 / 6 + 1 when it does not start on a bucket boundary. */
    public static final int BUCKETS_TOUCHED_PER_DAY = (int) (24 * 60 * 60 / BUCKET_SECONDS) + 1;

    public static final GuessLimits DEFAULT = new GuessLimits(5, 20, 15 * 60, 80);

    public GuessLimits {
        if (maxFailuresPerCustomer < 1 || maxFailuresPerClient < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxFailuresPerCustomerPerDay < BUCKETS_TOUCHED_PER_DAY) {
            throw new IllegalArgumentException("the daily budget must be at least " + BUCKETS_TOUCHED_PER_DAY);
        }
    }

    /** Judged failures allowed per customer number in one 6 h bucket. */
    public int perBucket() {
        return maxFailuresPerCustomerPerDay / BUCKETS_TOUCHED_PER_DAY;
    }

    /** The most judged failures one customer number can get in any 24 h, whatever the timing. */
    public int worstCasePerDay() {
        return perBucket() * BUCKETS_TOUCHED_PER_DAY;
    }

    /** Average days a blind attacker with unlimited addresses needs for 4 digits (half of 10 000 tries). */
    public double averageDaysToGuessFourDigits() {
        return 10_000 / 2.0 / worstCasePerDay();
    }
}
