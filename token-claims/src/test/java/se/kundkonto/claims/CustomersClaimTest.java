package se.kundkonto.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.Membership;

/** The size rule of the customers claim (README "Token claims"). */
class CustomersClaimTest {

    private final List<Integer> asked = new ArrayList<>();

    /** A user with n customer accounts; records how many were asked for. */
    private IntFunction<List<Membership>> accounts(int n) {
        return max -> {
            asked.add(max);
            return IntStream.range(0, Math.min(n, max))
                    .mapToObj(i -> new Membership(
                            String.format("%08d", i),
                            "Bolag " + i,
                            i % 2 == 0 ? CustomerRole.ADMIN : CustomerRole.USER))
                    .toList();
        };
    }

    private Map<String, Object> token(int n, int max) {
        return CustomersClaim.claims(n, accounts(n), max, 100, false);
    }

    private Map<String, Object> userinfo(int n, int max) {
        return CustomersClaim.claims(n, accounts(n), 25, max, true);
    }

    @Test
    void upToTheLimitTheTokensListEveryAccount() {
        Map<String, Object> claims = token(25, 25);
        assertThat(claims).containsOnlyKeys("customers");
        assertThat((List<?>) claims.get("customers"))
                .hasSize(25)
                .first()
                .isEqualTo(Map.of("number", "00000000", "name", "Bolag 0", "role", "Admin"));
        assertThat(token(3, 3)).containsOnlyKeys("customers");
    }

    @Test
    void pastTheLimitTheTokensCarryOnlyTheCountAndReadNoAccount() {
        assertThat(token(26, 25))
                .containsExactlyInAnyOrderEntriesOf(Map.of("customers_count", 26L, "customers_in_userinfo", true));
        assertThat(token(1000, 3)).containsEntry("customers_count", 1000L).doesNotContainKey("customers");
        assertThat(asked).isEmpty();
    }

    @Test
    void userinfoListsThemAllUpToItsLimit() {
        assertThat((List<?>) userinfo(100, 100).get("customers")).hasSize(100);
        assertThat(userinfo(100, 100)).doesNotContainKeys("customers_count", "customers_truncated");
    }

    @Test
    void pastItsLimitUserinfoListsTheFirstOnesWithTheCount() {
        Map<String, Object> claims = userinfo(1000, 100);
        assertThat((List<?>) claims.get("customers")).hasSize(100);
        assertThat(claims).containsEntry("customers_count", 1000L).containsEntry("customers_truncated", true);
        assertThat(asked).containsOnly(100);
    }

    @Test
    void aLimitOfZeroKeepsTheListOutOfTokensUnlessThereIsNone() {
        assertThat(token(0, 0)).containsEntry("customers", List.of());
        assertThat(token(1, 0)).containsEntry("customers_in_userinfo", true);
    }

    @Test
    void anUnusableLimitIsTheDefaultNeverOff() {
        for (String unusable : new String[] {null, "", "  ", "-1", "many", "2.5", "99999999999"}) {
            assertThat(CustomersClaim.limit(unusable, 25))
                    .as(String.valueOf(unusable))
                    .isEqualTo(25);
        }
        assertThat(CustomersClaim.limit(" 7 ", 25)).isEqualTo(7);
    }
}
