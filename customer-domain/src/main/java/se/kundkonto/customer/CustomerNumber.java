package se.kundkonto.customer;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer number (kundnummer) as the company's ERP issues it: 4 to 12 digits.
 * People type it with spaces or dashes ("0102 0304"); those are dropped, leading zeros are kept.
 */
public record CustomerNumber(String value) {

    private static final Pattern VALID = Pattern.compile("[0-9]{4,12}");

    /**
     * Everything that cannot be part of a number and that a person (or an attacker) may type around
     * or inside it: control and format characters (U+0001, zero-width space, BOM…), every kind of
     * space and separator (NBSP, line/paragraph separators), and dashes of any kind (hyphen, en dash,
     * minus sign). Keycloak's own lookup strips at least the ends of such input; dropping more than it
     * does keeps every variant of a customer number on the pack's path, where it is counted.
     */
    private static final Pattern NOISE = Pattern.compile("[\\p{C}\\p{Z}\\s\\p{Pd}\\u2212]+");

    /** Longer input is not a customer number, however much noise it carries; bounds the work on hostile input. */
    private static final int MAX_INPUT = 256;

    public CustomerNumber {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a customer number");
        }
    }

    /** The normalised customer number, or empty when the input cannot be one. */
    public static Optional<CustomerNumber> parse(String input) {
        if (input == null || input.length() > MAX_INPUT) {
            return Optional.empty();
        }
        // NFKC turns full-width and other compatibility digits ("０１０２") into ASCII ones.
        String compact =
                NOISE.matcher(Normalizer.normalize(input, Normalizer.Form.NFKC)).replaceAll("");
        String digits = asciiDigits(compact);
        return digits != null && VALID.matcher(digits).matches()
                ? Optional.of(new CustomerNumber(digits))
                : Optional.empty();
    }

    /** Decimal digits of any script (Arabic-Indic, Devanagari…) as ASCII; null when something else is left. */
    private static String asciiDigits(String compact) {
        StringBuilder ascii = new StringBuilder(compact.length());
        for (int i = 0; i < compact.length(); ) {
            int codePoint = compact.codePointAt(i);
            int digit = Character.digit(codePoint, 10);
            if (digit < 0 || !Character.isDigit(codePoint)) {
                return null;
            }
            ascii.append((char) ('0' + digit));
            i += Character.charCount(codePoint);
        }
        return ascii.toString();
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
