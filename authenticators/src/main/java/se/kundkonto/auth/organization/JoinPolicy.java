package se.kundkonto.auth.organization;

import java.util.Arrays;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;

import se.kundkonto.registry.CustomerRegistryProviderFactory;

/**
 * Which role someone gets who joins a customer account with its customer number and digits.
 * Set on the realm's customer-registry (User federation → Kundregister → Join policy).
 */
public enum JoinPolicy {
    /** The portal's rule: everyone who proves the link becomes Admin. */
    EVERYONE_ADMIN("everyone-admin"),
    /** The first member becomes Admin, later ones User. */
    FIRST_ADMIN_THEN_USER("first-admin-then-user"),
    /** The first member becomes Admin; later ones wait as pending until an Admin gives them a role. */
    ADMIN_APPROVAL("admin-approval");

    private final String value;

    JoinPolicy(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public CustomerRole roleForNewcomer(boolean accountHasAdmin) {
        if (!accountHasAdmin) {
            return CustomerRole.ADMIN;
        }
        return switch (this) {
            case EVERYONE_ADMIN -> CustomerRole.ADMIN;
            case FIRST_ADMIN_THEN_USER -> CustomerRole.USER;
            case ADMIN_APPROVAL -> CustomerRole.PENDING;
        };
    }

    public static JoinPolicy of(RealmModel realm) {
        String configured = realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> CustomerRegistryProviderFactory.PROVIDER_ID.equals(c.getProviderId()))
                .map((ComponentModel c) -> c.get(CustomerRegistryProviderFactory.JOIN_POLICY))
                .filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(EVERYONE_ADMIN.value);
        return Arrays.stream(values()).filter(p -> p.value.equals(configured)).findFirst().orElse(EVERYONE_ADMIN);
    }
}
