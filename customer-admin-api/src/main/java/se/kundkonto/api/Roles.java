package se.kundkonto.api;

import se.kundkonto.accounts.CustomerRole;

/** The role names of the API: "Admin" and "User", as the organization groups are called. */
final class Roles {

    private Roles() {
    }

    static CustomerRole parse(Object value) {
        return CustomerRole.parse(value)
                .orElseThrow(() -> ApiError.badRequest("invalid_role", "role must be \"Admin\" or \"User\"."));
    }
}
