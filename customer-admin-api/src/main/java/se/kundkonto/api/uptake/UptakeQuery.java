package se.kundkonto.api.uptake;

import java.util.regex.Pattern;

import se.kundkonto.accounts.Membership;
import se.kundkonto.api.InvalidInput;

/**
 * The report's query parameters, read as strings (JAX-RS would answer a non-number with 404): anything out
 * of range is an {@link InvalidInput} naming the parameter (a 400), never a 500 or a silently different answer.
 */
final class UptakeQuery {

    static final int DEFAULT_DAYS = 30;
    /** Ten years of days. */
    static final int MAX_DAYS = 3660;

    static final int DEFAULT_MAX = 100;
    static final int MAX_MAX = 500;
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    /** A cursor is a customer number as the registry stores it (its column holds 12 characters). */
    private static final Pattern CURSOR = Pattern.compile("[0-9A-Za-z]{1,12}");

    private UptakeQuery() {}

    static int days(String value) {
        int days =
                number(value, DEFAULT_DAYS, "invalid_days", "days must be a whole number from 1 to " + MAX_DAYS + ".");
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInput("invalid_days", "days must be a whole number from 1 to " + MAX_DAYS + ".");
        }
        return days;
    }

    /** At most {@value #MAX_MAX}: more is answered with that many. */
    static int max(String value) {
        int max = number(value, DEFAULT_MAX, "invalid_max", "max must be a whole number from 1.");
        if (max < 1) {
            throw new InvalidInput("invalid_max", "max must be a whole number from 1.");
        }
        return Math.min(max, MAX_MAX);
    }

    static String after(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!CURSOR.matcher(value).matches()) {
            throw new InvalidInput("invalid_after", "after must be the next value of an earlier page.");
        }
        return value;
    }

    static String search(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > Membership.MAX_SEARCH || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(
                    "invalid_search",
                    "search must be at most " + Membership.MAX_SEARCH + " characters, without control characters.");
        }
        return value.strip();
    }

    private static int number(String value, int otherwise, String error, String description) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        if (!NUMBER.matcher(value).matches()) {
            throw new InvalidInput(error, description);
        }
        return Integer.parseInt(value);
    }
}
