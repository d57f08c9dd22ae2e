package se.kundkonto.customer;

/** How many wrong answers are allowed per customer number and per client address within one window. */
public record GuessLimits(int maxFailuresPerCustomer, int maxFailuresPerClient, long windowSeconds) {

    public static final GuessLimits DEFAULT = new GuessLimits(5, 20, 15 * 60);

    public GuessLimits {
        if (maxFailuresPerCustomer < 1 || maxFailuresPerClient < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
