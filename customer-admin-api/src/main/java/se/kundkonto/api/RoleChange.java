package se.kundkonto.api;

import com.fasterxml.jackson.databind.JsonNode;

import se.kundkonto.accounts.CustomerRole;

/** The body of "change a member's role": {@code {"role": "Admin"}} or {@code {"role": "User"}}. */
record RoleChange(CustomerRole role) {

    static RoleChange parse(JsonNode body) {
        return new RoleChange(
                Roles.parse(RequestJson.string(body, "role", "invalid_role", "role must be \"Admin\" or \"User\".")
                        .orElse(null)));
    }
}
