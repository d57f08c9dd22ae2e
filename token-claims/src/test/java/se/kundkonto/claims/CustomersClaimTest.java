package se.kundkonto.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.Membership;

/** The size rule of the customers claim (README "Token claims"). */
class CustomersClaimTest {

    private static List<Membership> accounts(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Membership(String.format("%08d", i), "Bolag " + i,
                i % 2 == 0 ? CustomerRole.ADMIN : CustomerRole.USER)).toList();
    }

    @Test
    void upToTheLimitTheTokensListEveryAccount() {
        Map<String, Object> claims = CustomersClaim.claims(accounts(25), null, false);
        assertThat(claims).containsOnlyKeys("customers");
        assertThat((List<?>) claims.get("customers")).hasSize(25).first()
                .isEqualTo(Map.of("number", "00000000", "name", "Bolag 0", "role", "Admin"));
        assertThat(CustomersClaim.claims(accounts(3), "3", false)).containsOnlyKeys("customers");
    }

    @Test
    void pastTheLimitTheTokensCarryOnlyTheCount() {
        assertThat(CustomersClaim.claims(accounts(26), null, false))
                .containsExactlyInAnyOrderEntriesOf(Map.of("customers_count", 26, "customers_in_userinfo", true));
        assertThat(CustomersClaim.claims(accounts(4), "3", false)).containsEntry("customers_count", 4).doesNotContainKey("customers");
    }

    @Test
    void userinfoAlwaysListsThemAll() {
        assertThat((List<?>) CustomersClaim.claims(accounts(300), "3", true).get("customers")).hasSize(300);
    }

    @Test
    void aLimitOfZeroKeepsTheListOutOfTokensUnlessThereIsNone() {
        assertThat(CustomersClaim.claims(accounts(0), "0", false)).containsEntry("customers", List.of());
        assertThat(CustomersClaim.claims(accounts(1), "0", false)).containsEntry("customers_in_userinfo", true);
    }

    @Test
    void anUnusableLimitIsTheDefaultNeverOff() {
        for (String unusable : new String[] {null, "", "  ", "-1", "many", "2.5", "99999999999"}) {
            assertThat(CustomersClaim.maxInToken(unusable)).as(String.valueOf(unusable)).isEqualTo(25);
        }
        assertThat(CustomersClaim.maxInToken(" 7 ")).isEqualTo(7);
    }
}
