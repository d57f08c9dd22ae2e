package se.kundkonto.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The last four digits of an organisation number: the legacy company password.
 * Compared in constant time so a wrong digit early or late costs the same.
 */
public record OrgDigits(String value) {

    private static final Pattern VALID = Pattern.compile("\\d{4}");

    public OrgDigits {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not four digits");
        }
    }

    public static Optional<OrgDigits> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.strip();
        return VALID.matcher(compact).matches() ? Optional.of(new OrgDigits(compact)) : Optional.empty();
    }

    public boolean matches(OrgDigits other) {
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "****";
    }
}
