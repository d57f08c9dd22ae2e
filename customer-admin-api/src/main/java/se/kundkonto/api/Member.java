package se.kundkonto.api;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.keycloak.models.UserModel;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.MemberDirectory;

/** A member of a customer account; an unknown name or e-mail is left out (null), never the string "null". */
record Member(
        String id,
        String email,
        String firstName,
        String lastName,
        @JsonSerialize(using = Roles.Json.class) CustomerRole role) {

    static Member of(UserModel user, CustomerRole role) {
        return new Member(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(), role);
    }

    static Member of(MemberDirectory.Entry entry) {
        return new Member(entry.id(), entry.email(), entry.firstName(), entry.lastName(), entry.role());
    }
}
