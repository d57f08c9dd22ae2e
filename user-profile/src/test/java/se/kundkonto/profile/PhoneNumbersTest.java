package se.kundkonto.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "070-123 45 67, +46701234567",
        "+46 70 123 45 67, +46701234567",
        "0046701234567, +46701234567",
        "0701234567, +46701234567",
        "(0)70 123 45 67, +46701234567",
        "08-123 456 78, +46812345678",
        "031-12 34 56, +4631123456",
        "+47 22 12 34 56, +4722123456",
    })
    void swedishAndInternationalFormsBecomeOne(String typed, String e164) {
        assertThat(PhoneNumbers.normalise(typed)).hasValue(e164);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "abc",
                "070",
                "12345",
                "070-123 45 67 89 00 11",
                "+46 70 123",
                "0000000000",
                "070-123 45 67; DROP TABLE",
                "+999 123 456 789"
            })
    void nonsenseIsRefused(String typed) {
        assertThat(PhoneNumbers.normalise(typed)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullAndOverlongInputAreRefused() {
        assertThat(PhoneNumbers.normalise(null)).isEmpty();
        assertThat(PhoneNumbers.normalise("0".repeat(33))).isEmpty();
    }
}
