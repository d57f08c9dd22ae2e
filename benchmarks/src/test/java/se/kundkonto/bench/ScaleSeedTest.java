package se.kundkonto.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.kundkonto.customer.OrgNumber;

class ScaleSeedTest {

    @Test
    void seededOrganisationNumbersPassThePacksOwnCheck() {
        for (int i = 0; i < 2000; i++) {
            String number = ScaleSeed.orgNumber(i);
            assertThat(number).matches("556\\d{3}-\\d{4}");
            assertThat(OrgNumber.parse(number)).as(number).isPresent();
        }
        assertThat(ScaleSeed.orgNumber(12_345)).isEqualTo("556012-3456"); // the demo registry's Sopbolaget i Norr AB
    }

    @Test
    void seededCustomerNumbersAreDistinctEightDigitsOutsideTheDemoRegistry() {
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            numbers.add(ScaleSeed.customerNumber(i));
        }
        assertThat(numbers).hasSize(1000).allMatch(n -> n.matches("7\\d{7}"));
        assertThat(ScaleSeed.customerNumber(0)).isEqualTo("70000001");
    }
}
