package se.kundkonto.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerNumberTest {

    @Test
    void dropsSpacesAndDashesButKeepsLeadingZeros() {
        assertThat(CustomerNumber.parse(" 0102 03-04 "))
                .map(CustomerNumber::value)
                .contains("01020304");
    }

    /**
     * Whatever Keycloak's own username handling would strip or fold must land on the same customer number,
     * so that no variant of a registry number slips past the pack's throttled path.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u000101020304", // a control character in front (Java's strip() keeps it, Keycloak's trim() drops it)
                "01020304\u0000", // NUL behind
                "0102\u200B0304", // zero-width space inside
                "\uFEFF01020304", // byte-order mark
                "0102\u00A00304", // no-break space inside
                "0102\u202F0304", // narrow no-break space
                "\u2028010203\u202904", // line and paragraph separators
                "01020304\r\n", // CR/LF (a pasted line)
                "\t01020304\u000B", // tab, vertical tab
                "０１０２０３０４", // full-width digits
                "0102\u20130304", // en dash
                "0102\u22120304", // minus sign
                "0102\uFF0D0304", // full-width hyphen-minus
                "0102\u20100304", // Unicode hyphen
                "\u0660\u0661\u0660\u0662\u0660\u0663\u0660\u0664", // Arabic-Indic digits
                "\u200E0102\u200F0304\u2066", // direction marks and isolates (format characters)
            })
    void hostileVariantsOfANumberAreThatNumber(String typed) {
        assertThat(CustomerNumber.parse(typed)).map(CustomerNumber::value).contains("01020304");
        assertThat(CustomerNumber.looksLikeOne(typed)).isTrue();
    }

    @Test
    void rejectsWhatCannotBeACustomerNumber() {
        assertThat(CustomerNumber.parse(null)).isEmpty();
        assertThat(CustomerNumber.parse("")).isEmpty();
        assertThat(CustomerNumber.parse("\u0001\u200B\u00A0")).isEmpty();
        assertThat(CustomerNumber.parse("123")).isEmpty();
        assertThat(CustomerNumber.parse("1234567890123")).isEmpty();
        assertThat(CustomerNumber.parse("anna@example.se")).isEmpty();
        assertThat(CustomerNumber.parse("0102O304")).isEmpty();
        assertThat(CustomerNumber.parse("0102.0304"))
                .as("only spaces and dashes are separators")
                .isEmpty();
        assertThat(CustomerNumber.parse("\u00B9\u00B2\u00B3\u2074"))
                .as("superscripts fold to digits under NFKC")
                .map(CustomerNumber::value)
                .contains("1234");
    }

    @Test
    void veryLongInputIsNeverANumberAndCostsLittle() {
        String padded = "01020304" + "\u200B".repeat(100_000);
        long start = System.nanoTime();
        assertThat(CustomerNumber.parse(padded)).isEmpty();
        assertThat(CustomerNumber.parse("1".repeat(1_000_000))).isEmpty();
        assertThat(System.nanoTime() - start).as("bounded work").isLessThan(50_000_000L);
        assertThat(CustomerNumber.parse("01020304" + " ".repeat(200)))
                .map(CustomerNumber::value)
                .contains("01020304");
    }

    @Test
    void anEmailIsNeverMistakenForALegacyLogin() {
        assertThat(CustomerNumber.looksLikeOne("01020304")).isTrue();
        assertThat(CustomerNumber.looksLikeOne("01020304@example.se")).isFalse();
        assertThat(CustomerNumber.looksLikeOne("0102\u00A00304@example.se")).isFalse();
    }
}
