package se.kundkonto.it;

import java.util.List;
import java.util.Optional;

import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Reads customer accounts (Organizations) and their role groups through Keycloak's admin REST API. */
public record CustomerAccountsAdmin(RealmResource realm) {

    public Optional<OrganizationRepresentation> byCustomerNumber(String customerNumber) {
        return realm.organizations().getAll().stream()
                .filter(o -> customerNumber.equals(o.getAlias()))
                .findFirst()
                .map(brief -> resource(brief).toRepresentation()); // the list leaves out attributes
    }

    public List<String> memberIds(OrganizationRepresentation org) {
        return resource(org).members().search(null, null, 0, 10_000).stream()
                .map(MemberRepresentation::getId)
                .toList(); // getAll() stops at 10
    }

    public List<String> roleMemberIds(OrganizationRepresentation org, String role) {
        OrganizationResource res = resource(org);
        GroupRepresentation group = res.groups().getGroupByPath(role, false);
        return res.groups().group(group.getId()).getMembers(0, 1000, true).stream()
                .map(MemberRepresentation::getId)
                .toList();
    }

    public Optional<UserRepresentation> userByEmail(String email) {
        return realm.users().searchByEmail(email, true).stream().findFirst();
    }

    private OrganizationResource resource(OrganizationRepresentation org) {
        return realm.organizations().get(org.getId());
    }
}
