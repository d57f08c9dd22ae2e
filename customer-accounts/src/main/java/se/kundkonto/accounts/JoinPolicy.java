package se.kundkonto.accounts;

import java.util.Arrays;

/**
 * Which role someone gets who joins a customer account with its customer number and digits.
 * Set on the realm's customer-registry (User federation → Kundregister → Join policy) and handed in
 * by the entry point to {@link Admission}.
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

    /** The policy a setting names; blank or unknown means the portal's rule, {@link #EVERYONE_ADMIN}. */
    public static JoinPolicy parse(String setting) {
        String value = setting == null ? "" : setting.strip();
        return Arrays.stream(values())
                .filter(p -> p.value.equals(value))
                .findFirst()
                .orElse(EVERYONE_ADMIN);
    }
}
