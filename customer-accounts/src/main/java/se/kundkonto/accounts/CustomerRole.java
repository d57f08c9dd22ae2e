package se.kundkonto.accounts;

import java.util.Optional;

/**
 * A member's role in one customer account, held as membership of the organization group of that
 * name. {@code PENDING} waits for an Admin's approval (join policy "admin-approval") and grants nothing.
 */
public enum CustomerRole {
    ADMIN("Admin"),
    USER("User"),
    PENDING("Pending");

    private final String groupName;

    CustomerRole(String groupName) {
        this.groupName = groupName;
    }

    public String groupName() {
        return groupName;
    }

    /** "Admin" or "User": the roles an Admin can give (nobody is made pending on purpose). */
    public static Optional<CustomerRole> parse(Object name) {
        return ADMIN.groupName.equals(name)
                ? Optional.of(ADMIN)
                : USER.groupName.equals(name) ? Optional.of(USER) : Optional.empty();
    }
}
