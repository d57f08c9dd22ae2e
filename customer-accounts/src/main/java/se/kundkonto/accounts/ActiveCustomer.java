package se.kundkonto.accounts;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The customer account a client works with. Kept per client session (a client note carried from the
 * authentication into the client session), so the portal and the app can each have their own, and
 * it survives token refresh. The last one chosen is remembered on the user as the next default.
 * Never trusted on its own: every read re-checks membership.
 */
public final class ActiveCustomer {

    public static final String CLIENT_NOTE = "kundkonto.activeCustomer";
    public static final String ATTR_LAST_USED = "kundkonto.lastCustomer";

    private ActiveCustomer() {
    }

    /** Makes the choice for this login or action (and the default for the next login). */
    public static void choose(AuthenticationSessionModel authSession, UserModel user, Membership membership) {
        authSession.setClientNote(CLIENT_NOTE, membership.customerNumber());
        user.setSingleAttribute(ATTR_LAST_USED, membership.customerNumber());
    }

    /**
     * The active customer among the user's current memberships: the chosen one if still a member,
     * else the last used, else the only one; empty when the user belongs to none or must choose.
     */
    public static Optional<Membership> resolve(List<Membership> memberships, String chosen, String lastUsed) {
        for (String candidate : new String[] {chosen, lastUsed}) {
            if (candidate != null) {
                Optional<Membership> match = memberships.stream().filter(m -> m.customerNumber().equals(candidate)).findFirst();
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return memberships.size() == 1 ? Optional.of(memberships.get(0)) : Optional.empty();
    }
}
