package se.kundkonto.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import se.kundkonto.accounts.CustomerRole;

class PageRequestTest {

    private static void refused(String search, String first, String max, String error) {
        assertThatThrownBy(() -> PageRequest.parse(search, first, max))
                .as(search + " " + first + " " + max)
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).error()).isEqualTo(error));
    }

    @Test
    void absentOrEmptyParametersTakeTheirDefaults() {
        assertThat(PageRequest.parse(null, null, null)).isEqualTo(new PageRequest(null, 0, 100));
        assertThat(PageRequest.parse("", "", "")).isEqualTo(new PageRequest(null, 0, 100));
        assertThat(PageRequest.parse("  ", null, null).search()).isNull();
    }

    @Test
    void numbersInRangeAreKeptAndMaxIsCapped() {
        assertThat(PageRequest.parse(" Anna ", "200", "50")).isEqualTo(new PageRequest("Anna", 200, 50));
        assertThat(PageRequest.parse(null, "0", "1")).isEqualTo(new PageRequest(null, 0, 1));
        assertThat(PageRequest.parse(null, "2147483647", "2147483647"))
                .isEqualTo(new PageRequest(null, Integer.MAX_VALUE, 500));
    }

    @Test
    void badNumbersAreRefused() {
        for (String bad :
                new String[] {"-1", "+1", "1.5", "1e3", "abc", " 1", "2147483648", "99999999999999999999", "0x10", "１"
                }) {
            refused(null, bad, null, "invalid_first");
            refused(null, null, bad, "invalid_max");
        }
        refused(null, null, "0", "invalid_max");
    }

    @Test
    void aLongOrControlCharacterSearchIsRefused() {
        assertThat(PageRequest.parse("a".repeat(100), null, null).search()).hasSize(100);
        refused("a".repeat(101), null, null, "invalid_search");
        refused("a".repeat(10_000), null, null, "invalid_search");
        refused("a\u0000b", null, null, "invalid_search");
        refused("a\nb", null, null, "invalid_search");
        assertThat(PageRequest.parse("100% _' or 1=1 --", null, null).search()).isEqualTo("100% _' or 1=1 --");
    }

    @Test
    void aRoleFilterIsAnyRoleOfTheApi() {
        assertThat(PageRequest.role(null)).isNull();
        assertThat(PageRequest.role("")).isNull();
        assertThat(PageRequest.role("Pending")).isEqualTo(CustomerRole.PENDING);
        assertThat(PageRequest.role("Admin")).isEqualTo(CustomerRole.ADMIN);
        assertThatThrownBy(() -> PageRequest.role("admin")).isInstanceOf(InvalidInput.class);
    }
}
