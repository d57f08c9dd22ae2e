package se.kundkonto.customer;

import java.util.Optional;

/**
 * A Swedish organisation number (organisationsnummer), or, for a sole trader, the owner's
 * personal identity number (personnummer) which the registry stores in its place.
 * Accepted forms: {@code NNNNNN-NNNN}, {@code NNNNNNNNNN}, {@code YYYYMMDD-NNNN}, {@code YYYYMMDDNNNN}
 * (and {@code +} as the separator for people over 100). The ten-digit form carries a Luhn check digit.
 */
public final class OrgNumber {

    private final String tenDigits;

    private OrgNumber(String tenDigits) {
        this.tenDigits = tenDigits;
    }

    public static Optional<OrgNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.strip().replaceAll("[\\s+-]", "");
        if (!digits.matches("\\d{10}|\\d{12}")) {
            return Optional.empty();
        }
        String ten = digits.length() == 12 ? digits.substring(2) : digits;
        return luhnValid(ten) ? Optional.of(new OrgNumber(ten)) : Optional.empty();
    }

    /** The legacy company password: the last four digits. */
    public OrgDigits lastFour() {
        return new OrgDigits(tenDigits.substring(6));
    }

    /**
     * True for a personnummer (sole trader): its month field is 01–12, while a legal entity's
     * third digit is 2 or more. Personal data: never shown unmasked, never put in a token.
     */
    public boolean isPersonalIdentityNumber() {
        int month = Integer.parseInt(tenDigits.substring(2, 4));
        return month >= 1 && month <= 12;
    }

    /** The last four digits of a masked personnummer, replaced as the portal shows them (ÅÅMMDD and four X). */
    private static final String MASKED_LAST_FOUR = "X".repeat(4);

    /** Safe to show in pages and logs: a personnummer keeps only its date part, the last four digits masked. */
    public String masked() {
        return isPersonalIdentityNumber() ? tenDigits.substring(0, 6) + "-" + MASKED_LAST_FOUR : formatted();
    }

    /** {@code NNNNNN-NNNN}. For a personnummer this is personal data: prefer {@link #masked()}. */
    public String formatted() {
        return tenDigits.substring(0, 6) + "-" + tenDigits.substring(6);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrgNumber other && other.tenDigits.equals(tenDigits);
    }

    @Override
    public int hashCode() {
        return tenDigits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
