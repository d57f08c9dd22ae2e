package se.kundkonto.customer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer number (kundnummer) as the company's ERP issues it: 4 to 12 digits.
 * People type it with spaces or dashes ("0102 0304"); those are dropped, leading zeros are kept.
 */
public record CustomerNumber(String value) {

    private static final Pattern VALID = Pattern.compile("\\d{4,12}");

    public CustomerNumber {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a customer number");
        }
    }

    /** The normalised customer number, or empty when the input cannot be one. */
    public static Optional<CustomerNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.strip().replaceAll("[\\s-]", "");
        return VALID.matcher(compact).matches() ? Optional.of(new CustomerNumber(compact)) : Optional.empty();
    }

    /** True when a login name is shaped like a customer number (and so can only be a legacy company login). */
    public static boolean looksLikeOne(String loginName) {
        return parse(loginName).isPresent();
    }

    @Override
    public String toString() {
        return value;
    }
}
