package se.kundkonto.accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

import se.kundkonto.accounts.verification.VerifiedCustomer;

/**
 * Customer accounts are Keycloak Organizations: alias = customer number, name = company name,
 * the organisation number (a sole trader's personnummer masked) and customer number as attributes,
 * and one organization group per role.
 */
public final class CustomerAccounts {

    public static final String ATTR_CUSTOMER_NUMBER = "customerNumber";
    public static final String ATTR_ORG_NUMBER = "orgNumber";
    public static final String ATTR_SOLE_TRADER = "soleTrader";

    private final OrganizationProvider organizations;

    public CustomerAccounts(KeycloakSession session) {
        this.organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !organizations.isEnabled()) {
            throw new ModelException("Organizations are not enabled in this realm; kundkonto needs them for customer accounts");
        }
    }

    /** The customer's organization, created from the registry data on first use, with its role groups. */
    public OrganizationModel ensure(VerifiedCustomer customer) {
        OrganizationModel org = organizations.getByAlias(customer.customerNumber());
        if (org == null) {
            org = organizations.create(uniqueName(customer), customer.customerNumber());
            org.setAttributes(attributes(customer));
            // What a realm admin sees first in Organizations: where this came from and where the roles are.
            org.setDescription("Customer account " + customer.customerNumber() + " (customer registry). Roles: organization groups "
                    + "Admin, User and Pending. Attributes orgNumber (masked for sole traders), invoice* are kept by the kundkonto pack.");
        }
        for (CustomerRole role : CustomerRole.values()) {
            group(org, role);
        }
        return org;
    }

    /** Adds the user as an (unmanaged) member holding exactly the given role. */
    public void join(OrganizationModel org, UserModel user, CustomerRole role) {
        if (!organizations.isMember(org, user)) {
            organizations.addMember(org, user);
        }
        for (CustomerRole other : CustomerRole.values()) {
            GroupModel group = group(org, other);
            if (other == role && !user.isMemberOf(group)) {
                user.joinGroup(group);
            } else if (other != role && user.isMemberOf(group)) {
                user.leaveGroup(group);
            }
        }
    }

    /** The user's customer accounts with their role in each, ordered by customer number; pending ones left out. */
    public List<Membership> membershipsOf(UserModel user) {
        return organizations.getByMember(user)
                .map(org -> new Membership(org.getAlias(), org.getName(), roleOf(org, user)))
                .filter(m -> m.role() != CustomerRole.PENDING)
                .sorted(Comparator.comparing(Membership::customerNumber))
                .toList();
    }

    /** The user's membership of that customer account, unless absent or still pending approval. */
    public Optional<Membership> membership(UserModel user, String customerNumber) {
        OrganizationModel org = customerNumber == null ? null : organizations.getByAlias(customerNumber);
        if (org == null || !organizations.isMember(org, user)) {
            return Optional.empty();
        }
        return Optional.of(new Membership(org.getAlias(), org.getName(), roleOf(org, user)))
                .filter(m -> m.role() != CustomerRole.PENDING);
    }

    /** Member in any role, pending included. */
    public boolean isMember(OrganizationModel org, UserModel user) {
        return organizations.isMember(org, user);
    }

    public Optional<OrganizationModel> byCustomerNumber(String customerNumber) {
        return Optional.ofNullable(customerNumber == null ? null : organizations.getByAlias(customerNumber));
    }

    public List<UserModel> members(OrganizationModel org) {
        return organizations.getMembersStream(org, Map.of(), false, null, null)
                .sorted(Comparator.comparing(u -> String.valueOf(u.getEmail())))
                .toList();
    }

    public CustomerRole roleIn(OrganizationModel org, UserModel user) {
        return roleOf(org, user);
    }

    public long adminCount(OrganizationModel org) {
        return members(org).stream().filter(u -> roleOf(org, u) == CustomerRole.ADMIN).count();
    }

    /** Takes the user out of the customer account and its role groups. */
    public void remove(OrganizationModel org, UserModel user) {
        for (CustomerRole role : CustomerRole.values()) {
            GroupModel group = group(org, role);
            if (user.isMemberOf(group)) {
                user.leaveGroup(group);
            }
        }
        organizations.removeMember(org, user);
    }

    private CustomerRole roleOf(OrganizationModel org, UserModel user) {
        List<String> groups = organizations.getOrganizationGroupsByMember(org, user).map(GroupModel::getName).toList();
        if (groups.contains(CustomerRole.ADMIN.groupName())) {
            return CustomerRole.ADMIN;
        }
        return groups.contains(CustomerRole.PENDING.groupName()) ? CustomerRole.PENDING : CustomerRole.USER;
    }

    public GroupModel group(OrganizationModel org, CustomerRole role) {
        return organizations.searchGroupsByName(org, role.groupName(), true, 0, 1).findFirst()
                .orElseGet(() -> organizations.createGroup(org, role.groupName(), null));
    }

    /** Organization names are unique per realm, company names are not: a clash gets the customer number added. */
    private String uniqueName(VerifiedCustomer customer) {
        String name = customer.companyName();
        boolean taken = organizations.getAllStream(name, true, 0, 1).anyMatch(o -> name.equals(o.getName()));
        return taken ? name + " (" + customer.customerNumber() + ")" : name;
    }

    private static Map<String, List<String>> attributes(VerifiedCustomer customer) {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(ATTR_CUSTOMER_NUMBER, new ArrayList<>(List.of(customer.customerNumber())));
        attributes.put(ATTR_ORG_NUMBER, new ArrayList<>(List.of(customer.orgNumber())));
        attributes.put(ATTR_SOLE_TRADER, new ArrayList<>(List.of(String.valueOf(customer.soleTrader()))));
        return attributes;
    }
}
