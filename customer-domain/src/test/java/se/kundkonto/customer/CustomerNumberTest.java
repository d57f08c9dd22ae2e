package se.kundkonto.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerNumberTest {

    @Test
    void dropsSpacesAndDashesButKeepsLeadingZeros() {
        assertThat(CustomerNumber.parse(" 0102 03-04 ")).map(CustomerNumber::value).contains("01020304");
    }

    @Test
    void rejectsWhatCannotBeACustomerNumber() {
        assertThat(CustomerNumber.parse(null)).isEmpty();
        assertThat(CustomerNumber.parse("")).isEmpty();
        assertThat(CustomerNumber.parse("123")).isEmpty();
        assertThat(CustomerNumber.parse("1234567890123")).isEmpty();
        assertThat(CustomerNumber.parse("anna@example.se")).isEmpty();
        assertThat(CustomerNumber.parse("0102O304")).isEmpty();
    }

    @Test
    void anEmailIsNeverMistakenForALegacyLogin() {
        assertThat(CustomerNumber.looksLikeOne("01020304")).isTrue();
        assertThat(CustomerNumber.looksLikeOne("01020304@example.se")).isFalse();
    }
}
