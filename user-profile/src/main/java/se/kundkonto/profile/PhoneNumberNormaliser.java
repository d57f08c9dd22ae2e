package se.kundkonto.profile;

import java.util.Optional;
import java.util.Set;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Stores every phone number in one form (E.164). Keycloak's user profile validates but has no hook
 * to rewrite a value, so this listener rewrites it right after each profile write — registration,
 * "Mina uppgifter", the update-profile page, a first broker login, the admin console and admin API —
 * in the same transaction, before anything is committed. The validator has already made sure the
 * number parses.
 */
public final class PhoneNumberNormaliser implements EventListenerProvider {

    public static final String ATTRIBUTE = "phoneNumber";
    private static final Set<EventType> PROFILE_WRITES =
            Set.of(EventType.REGISTER, EventType.UPDATE_PROFILE, EventType.IDENTITY_PROVIDER_FIRST_LOGIN);

    private final KeycloakSession session;

    PhoneNumberNormaliser(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getError() == null && PROFILE_WRITES.contains(event.getType())) {
            normalise(event.getRealmId(), event.getUserId());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getError() == null
                && event.getResourceType() == ResourceType.USER
                && (event.getOperationType() == OperationType.CREATE
                        || event.getOperationType() == OperationType.UPDATE)) {
            userIdOf(event.getResourcePath()).ifPresent(id -> normalise(event.getRealmId(), id));
        }
    }

    /** "users/{id}" only: sub-resources (credentials, groups, ...) do not touch the profile. */
    static Optional<String> userIdOf(String resourcePath) {
        if (resourcePath == null) {
            return Optional.empty();
        }
        String[] parts = resourcePath.split("/");
        return parts.length == 2 && "users".equals(parts[0]) && !parts[1].isBlank()
                ? Optional.of(parts[1])
                : Optional.empty();
    }

    private void normalise(String realmId, String userId) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        UserModel user =
                realm == null || userId == null ? null : session.users().getUserById(realm, userId);
        if (user == null || user.isFederated()) {
            return; // read-only federated users keep what their store says
        }
        String stored = user.getFirstAttribute(ATTRIBUTE);
        PhoneNumbers.normalise(stored)
                .filter(normalised -> !normalised.equals(stored))
                .ifPresent(normalised -> user.setSingleAttribute(ATTRIBUTE, normalised));
    }

    @Override
    public void close() {}
}
