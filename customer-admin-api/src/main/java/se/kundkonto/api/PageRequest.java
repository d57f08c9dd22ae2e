package se.kundkonto.api;

import java.util.Arrays;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.Membership;

/**
 * The query of a list answer: {@code search}, {@code first} (default 0) and {@code max} (default
 * {@value #DEFAULT_MAX}; more than {@value #MAX_MAX} is answered with {@value #MAX_MAX}). Absent or empty
 * parameters take their default; anything else that is not a plain decimal number in range is refused
 * ({@code invalid_first}, {@code invalid_max}), as is a search longer than {@value #MAX_SEARCH}
 * characters or with control characters in it ({@code invalid_search}). Query parameters are read as
 * strings here, not converted by JAX-RS, which would answer a non-number with 404.
 */
public record PageRequest(String search, int first, int max) {

    static final int DEFAULT_MAX = 100;
    public static final int MAX_MAX = 500;
    /** As long as an e-mail address may be in Keycloak's user table. */
    static final int MAX_SEARCH = Membership.MAX_SEARCH; // as far as the searches read
    /** The header of a list answer that gives how many the search finds in all. */
    static final String TOTAL_HEADER = "X-Total-Count";

    public static PageRequest parse(String search, String first, String max) {
        int from = number(first, 0, "invalid_first", "first must be a whole number from 0.");
        int size = number(max, DEFAULT_MAX, "invalid_max", "max must be a whole number from 1.");
        if (size < 1) {
            throw new InvalidInput("invalid_max", "max must be a whole number from 1.");
        }
        return new PageRequest(search(search), from, Math.min(size, MAX_MAX));
    }

    /** A role to filter members by: "Admin", "User" or "Pending"; absent or empty for every role. */
    static CustomerRole role(String role) {
        if (role == null || role.isEmpty()) {
            return null;
        }
        return Arrays.stream(CustomerRole.values())
                .filter(r -> r.groupName().equals(role))
                .findFirst()
                .orElseThrow(
                        () -> new InvalidInput("invalid_role", "role must be \"Admin\", \"User\" or \"Pending\"."));
    }

    private static String search(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        if (search.length() > MAX_SEARCH || search.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(
                    "invalid_search",
                    "search must be at most " + MAX_SEARCH + " characters, without control characters.");
        }
        return search.strip();
    }

    private static int number(String value, int otherwise, String error, String description) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        // Digits only: no sign, no spaces, no exponent; at most ten of them, and within an int.
        if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) > Integer.MAX_VALUE) {
            throw new InvalidInput(error, description);
        }
        return Integer.parseInt(value);
    }
}
