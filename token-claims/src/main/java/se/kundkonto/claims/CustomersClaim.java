package se.kundkonto.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.kundkonto.accounts.Membership;

/**
 * The size rule of the {@code customers} claim: userinfo always lists every customer account; the
 * access and ID token list them only up to the mapper's limit, and past it carry
 * {@code customers_count} and {@code customers_in_userinfo: true} instead. A limit that is missing,
 * not a number or negative is the default.
 */
final class CustomersClaim {

    static final int DEFAULT_MAX_IN_TOKEN = 25;

    private CustomersClaim() {
    }

    /** The claims to add for these memberships. */
    static Map<String, Object> claims(List<Membership> memberships, String configuredMax, boolean userInfo) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (userInfo || memberships.size() <= maxInToken(configuredMax)) {
            claims.put("customers", memberships.stream().map(CustomersClaim::claim).toList());
        } else {
            claims.put("customers_count", memberships.size());
            claims.put("customers_in_userinfo", true);
        }
        return claims;
    }

    /** {@code {number, name, role}} of one customer account, as in {@code customers} and {@code active_customer}. */
    static Map<String, Object> claim(Membership m) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("number", m.customerNumber());
        claim.put("name", m.companyName());
        claim.put("role", m.role().groupName());
        return claim;
    }

    static int maxInToken(String configured) {
        try {
            int max = Integer.parseInt(configured == null ? "" : configured.strip());
            return max >= 0 ? max : DEFAULT_MAX_IN_TOKEN;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_IN_TOKEN;
        }
    }
}
