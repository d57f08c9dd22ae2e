package se.kundkonto.auth.organization;

/** A member's role in one customer account, held as membership of the organization group of that name. */
public enum CustomerRole {
    ADMIN("Admin"),
    USER("User");

    private final String groupName;

    CustomerRole(String groupName) {
        this.groupName = groupName;
    }

    public String groupName() {
        return groupName;
    }
}
