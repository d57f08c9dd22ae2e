package se.kundkonto.profile;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as people type them — {@code 070-123 45 67}, {@code 08-123 456 78},
 * {@code +46 70 123 45 67}, {@code 0046701234567} — read as Swedish unless they say otherwise, checked
 * against libphonenumber's numbering plans, and kept in one form: E.164 ({@code +46701234567}).
 */
public final class PhoneNumbers {

    private static final String DEFAULT_REGION = "SE";
    private static final int MAX_INPUT_LENGTH = 32;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The number in E.164, or empty if it is not a valid phone number. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(typed.strip(), DEFAULT_REGION);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
