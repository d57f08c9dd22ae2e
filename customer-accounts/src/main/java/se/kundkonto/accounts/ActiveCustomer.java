package se.kundkonto.accounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The customer account a client works with. Kept per client session (a client note carried from the
 * authentication into the client session), so the portal and the app can each have their own, and
 * it survives token refresh. The last one chosen is remembered on the user as the next default, and the
 * last few as "recently used" for the picker. Never trusted on its own: every read re-checks membership.
 */
public final class ActiveCustomer {

    public static final String CLIENT_NOTE = "kundkonto.activeCustomer";
    public static final String ATTR_LAST_USED = "kundkonto.lastCustomer";
    /** The customer numbers last chosen, most recent first, comma-separated (one value: attribute order is not kept). */
    public static final String ATTR_RECENT = "kundkonto.recentCustomers";

    public static final int MAX_RECENT = 5;

    private ActiveCustomer() {}

    /** Makes the choice for this login or action (and the default for the next login). */
    public static void choose(AuthenticationSessionModel authSession, UserModel user, Membership membership) {
        String number = membership.customerNumber();
        authSession.setClientNote(CLIENT_NOTE, number);
        if (!number.equals(user.getFirstAttribute(ATTR_LAST_USED))) {
            user.setSingleAttribute(ATTR_LAST_USED, number);
        }
        String value = String.join(",", withChosen(recent(user), number));
        if (!value.equals(user.getFirstAttribute(ATTR_RECENT))) {
            user.setSingleAttribute(ATTR_RECENT, value);
        }
    }

    /** The recently used list after choosing {@code number}: it comes first, once, and the oldest falls off. */
    static List<String> withChosen(List<String> recent, String number) {
        List<String> list = new ArrayList<>(recent);
        list.remove(number);
        list.add(0, number);
        return List.copyOf(list.subList(0, Math.min(MAX_RECENT, list.size())));
    }

    /** The customer numbers the user chose last, most recent first (the last used alone for someone who chose before the list). */
    public static List<String> recent(UserModel user) {
        String value = user.getFirstAttribute(ATTR_RECENT);
        if (value == null || value.isBlank()) {
            String last = user.getFirstAttribute(ATTR_LAST_USED);
            return last == null || last.isBlank() ? List.of() : List.of(last);
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .limit(MAX_RECENT)
                .toList();
    }

    /**
     * The active customer among the user's current memberships: the chosen one if still a member, else the
     * last used, else the only one; empty when the user belongs to none or must choose. A few single reads,
     * however many customer accounts the user has.
     */
    public static Optional<Membership> resolve(CustomerAccounts accounts, UserModel user, String chosen) {
        return resolve(
                number -> accounts.membership(user, number),
                () -> accounts.membershipsOf(user, null, 0, 2),
                chosen,
                user.getFirstAttribute(ATTR_LAST_USED));
    }

    static Optional<Membership> resolve(
            Function<String, Optional<Membership>> membership,
            Supplier<List<Membership>> firstTwo,
            String chosen,
            String lastUsed) {
        for (String candidate : new String[] {chosen, lastUsed}) {
            if (candidate != null) {
                Optional<Membership> match = membership.apply(candidate);
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        List<Membership> some = firstTwo.get();
        return some.size() == 1 ? Optional.of(some.get(0)) : Optional.empty();
    }
}
