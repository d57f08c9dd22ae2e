package se.kundkonto.it;

import java.util.List;

import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/** A customer account imported with a test realm, with one person already its member (no role group: a User). */
final class ImportedMember {

    private ImportedMember() {}

    static OrganizationRepresentation account(String customerNumber, String companyName, String memberUsername) {
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setName(companyName);
        org.setAlias(customerNumber);
        org.setEnabled(true);
        MemberRepresentation member = new MemberRepresentation();
        member.setUsername(memberUsername);
        org.setMembers(List.of(member));
        return org;
    }
}
