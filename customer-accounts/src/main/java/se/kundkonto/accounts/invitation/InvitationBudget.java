package se.kundkonto.accounts.invitation;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

import se.kundkonto.registry.CustomerRegistryProvider;
import se.kundkonto.registry.InvitationLimitSetting;

/**
 * At most N invitations per customer account in any 24 hours. Each invitation claims one of N numbered
 * slots in Keycloak's cluster-wide single-use store ({@code putIfAbsent}, so two nodes never take the
 * same slot) that lives for 24 hours; with every slot taken, the next invitation is refused. N is set on
 * the Kundregister federation ({@link InvitationLimitSetting}).
 */
final class InvitationBudget {

    static final long WINDOW_SECONDS = 24 * 60 * 60;

    private final SingleUseObjectProvider store;
    private final RealmModel realm;

    InvitationBudget(KeycloakSession session, RealmModel realm) {
        this.store = session.singleUseObjects();
        this.realm = realm;
    }

    /** Takes one invitation out of the account's budget; empty-handed means the budget is spent. */
    Slot claim(OrganizationModel org) {
        int limit = limit(realm);
        for (int n = 0; n < limit; n++) {
            String key = "kundkonto.invitations." + realm.getId() + "." + org.getId() + "." + n;
            if (store.putIfAbsent(key, WINDOW_SECONDS)) {
                return new Slot(key);
            }
        }
        return null;
    }

    /** Gives a slot back, for an invitation that was never sent. */
    void release(Slot slot) {
        store.remove(slot.key());
    }

    record Slot(String key) {}

    static int limit(RealmModel realm) {
        return CustomerRegistryProvider.configured(realm)
                .map(c -> c.get(InvitationLimitSetting.NAME))
                .filter(v -> v != null && !v.isBlank())
                .map(InvitationBudget::parse)
                .orElse(InvitationLimitSetting.DEFAULT);
    }

    private static int parse(String value) {
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return InvitationLimitSetting.DEFAULT;
        }
    }
}
