package se.kundkonto.api.uptake;

import java.util.regex.Pattern;

import se.kundkonto.api.InvalidInput;
import se.kundkonto.api.PageRequest;

/**
 * The report's query parameters, read as strings (JAX-RS would answer a non-number with 404): anything out
 * of range is an {@link InvalidInput} naming the parameter (a 400), never a 500 or a silently different answer.
 */
final class UptakeQuery {

    static final int DEFAULT_DAYS = 30;
    /** Ten years of days. */
    static final int MAX_DAYS = 3660;

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

    /** As the customer API's lists read it ({@link PageRequest}): at most {@value PageRequest#MAX_MAX}. */
    static int max(String value) {
        return PageRequest.parse(null, null, value).max();
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

    /** As the customer API's searches read it ({@link PageRequest}). */
    static String search(String value) {
        return PageRequest.parse(value, null, null).search();
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
