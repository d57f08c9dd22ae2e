package se.kundkonto.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import se.kundkonto.accounts.Membership;

/**
 * The size rule of the {@code customers} claim. The access and ID token list the customer accounts up to
 * the mapper's token limit, and past it carry {@code customers_count} and {@code customers_in_userinfo: true}
 * instead. Userinfo lists them up to its own, larger limit; past that it lists the first ones (by customer
 * number) with {@code customers_count} and {@code customers_truncated: true}, and the rest is paged from the
 * REST API ({@code GET /kundkonto/customers?first=&max=}). Nothing grows without bound with the number of
 * accounts, so neither does the time to issue a token. A limit that is missing, not a number or negative is
 * the default.
 */
final class CustomersClaim {

    static final int DEFAULT_MAX_IN_TOKEN = 25;
    static final int DEFAULT_MAX_IN_USERINFO = 100;

    private CustomersClaim() {}

    /**
     * The claims to add for a user with {@code count} customer accounts; {@code firstOnes} reads the first n of
     * them (it is asked only for as many as will be listed).
     */
    static Map<String, Object> claims(
            long count, IntFunction<List<Membership>> firstOnes, int maxInToken, int maxInUserInfo, boolean userInfo) {
        Map<String, Object> claims = new LinkedHashMap<>();
        int limit = userInfo ? maxInUserInfo : maxInToken;
        if (count <= limit) {
            claims.put("customers", listed(firstOnes.apply(limit)));
        } else if (userInfo) {
            claims.put("customers", listed(firstOnes.apply(limit)));
            claims.put("customers_count", count);
            claims.put("customers_truncated", true);
        } else {
            claims.put("customers_count", count);
            claims.put("customers_in_userinfo", true);
        }
        return claims;
    }

    private static List<Map<String, Object>> listed(List<Membership> memberships) {
        return memberships.stream().map(CustomersClaim::claim).toList();
    }

    /** {@code {number, name, role}} of one customer account, as in {@code customers} and {@code active_customer}. */
    static Map<String, Object> claim(Membership m) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("number", m.customerNumber());
        claim.put("name", m.companyName());
        claim.put("role", m.role().groupName());
        return claim;
    }

    /** A configured limit, or {@code fallback} when it is missing, not a whole number or negative. */
    static int limit(String configured, int fallback) {
        try {
            int max = Integer.parseInt(configured == null ? "" : configured.strip());
            return max >= 0 ? max : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
