package se.kundkonto.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import se.kundkonto.accounts.CustomerRole;

/**
 * The role names of the API, as the organization groups are called: "Admin", "User" and, in answers
 * only, "Pending" (waiting for an Admin's approval). An Admin can give "Admin" or "User".
 */
final class Roles {

    private Roles() {}

    static CustomerRole parse(Object value) {
        return CustomerRole.parse(value)
                .orElseThrow(() -> new InvalidInput("invalid_role", "role must be \"Admin\" or \"User\"."));
    }

    /** Writes a {@link CustomerRole} as its group name (Admin, User, Pending). */
    static final class Json extends StdSerializer<CustomerRole> {

        Json() {
            super(CustomerRole.class);
        }

        @Override
        public void serialize(CustomerRole role, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(role.groupName());
        }
    }
}
