package se.kundkonto.accounts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.storage.StorageId;

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
    private static final String MEMO = "kundkonto.memberships.";

    private final KeycloakSession session;
    private final OrganizationProvider organizations;

    public CustomerAccounts(KeycloakSession session) {
        this.session = session;
        this.organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !organizations.isEnabled()) {
            throw new ModelException(
                    "Organizations are not enabled in this realm; kundkonto needs them for customer accounts");
        }
    }

    /**
     * The customer's organization with its role groups, created from the registry data on first use.
     *
     * <p>Created in a short transaction of its own, so that when many people claim a new customer at
     * once, exactly one organization and one set of role groups come into being: the losers' inserts
     * fail on Keycloak's unique alias (or group name), only their own small transaction rolls back
     * (on PostgreSQL a failed insert would otherwise poison the whole registration), and the retry
     * finds the winner's. The registration itself then joins that organization as usual.
     */
    public OrganizationModel ensure(VerifiedCustomer customer) {
        OrganizationModel org = organizations.getByAlias(customer.customerNumber());
        if (org != null && hasRoleGroups(org)) {
            return org;
        }
        String id = FirstClaim.create(session, session.getContext().getRealm(), customer);
        return organizations.getById(id);
    }

    private boolean hasRoleGroups(OrganizationModel org) {
        for (CustomerRole role : CustomerRole.values()) {
            if (findGroup(org, role).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the user as an (unmanaged) member holding exactly the given role. Which groups to join or leave
     * is asked of the database, since Keycloak's cached view of the user may predate another node's commit.
     * Callers hold the account's lock ({@link #serialize}).
     */
    public void join(OrganizationModel org, UserModel user, CustomerRole role) {
        forgetMemberships(user);
        if (!organizations.isMember(org, user)) {
            organizations.addMember(org, user);
        }
        for (CustomerRole other : CustomerRole.values()) {
            GroupModel group = group(org, other);
            boolean holds = CustomerAccountLock.holds(session, group.getId(), user.getId());
            if (other == role && !holds) {
                user.joinGroup(group);
            } else if (other != role && holds) {
                user.leaveGroup(group);
            }
        }
    }

    /** The user's customer accounts with their role in each, ordered by customer number; pending ones left out. */
    public List<Membership> membershipsOf(UserModel user) {
        return membershipsOf(user, null, 0, Integer.MAX_VALUE);
    }

    /**
     * One page of the user's customer accounts whose company name or customer number contains {@code search}
     * (case-insensitive; all when blank), ordered by customer number, pending ones left out. Two queries
     * however many accounts the user has.
     */
    public List<Membership> membershipsOf(UserModel user, String search, int first, int max) {
        if (!StorageId.isLocalStorage(user.getId())) {
            return slowMemberships(user, search)
                    .skip(Math.max(0, first))
                    .limit(Math.max(0, max))
                    .toList();
        }
        return queries(user).page(search, first, max);
    }

    /** How many customer accounts {@link #membershipsOf(UserModel, String, int, int)} would list in all. */
    public long membershipCount(UserModel user, String search) {
        if (!StorageId.isLocalStorage(user.getId())) {
            return slowMemberships(user, search).count();
        }
        return queries(user).count(search);
    }

    /** The user's memberships among these customer numbers (absent and pending ones left out), by customer number. */
    public List<Membership> membershipsAmong(UserModel user, Collection<String> customerNumbers) {
        if (!StorageId.isLocalStorage(user.getId())) {
            return slowMemberships(user, null)
                    .filter(m -> customerNumbers.contains(m.customerNumber()))
                    .toList();
        }
        return queries(user).among(customerNumbers);
    }

    /**
     * The user's membership reads for this request: the access and the ID token of one request both ask, so
     * what does not change between them (pending accounts, the count) is read once. Forgotten on every
     * change of this user's memberships made through this class.
     */
    private MembershipQueries queries(UserModel user) {
        String key = MEMO + user.getId();
        MembershipQueries queries = session.getAttribute(key, MembershipQueries.class);
        if (queries == null) {
            queries = new MembershipQueries(session, session.getContext().getRealm(), user.getId());
            session.setAttribute(key, queries);
        }
        return queries;
    }

    private void forgetMemberships(UserModel user) {
        session.removeAttribute(MEMO + user.getId());
    }

    /** A user from a federation provider has no rows of ours to query: Keycloak's own reads, one per account. */
    private Stream<Membership> slowMemberships(UserModel user, String search) {
        return organizations
                .getByMember(user)
                .map(org -> new Membership(org.getAlias(), org.getName(), roleOf(org, user)))
                .filter(m -> m.role() != CustomerRole.PENDING)
                .filter(m -> m.matches(search))
                .sorted(Comparator.comparing(Membership::customerNumber));
    }

    /** The user's membership of that customer account, unless absent or still pending approval. */
    public Optional<Membership> membership(UserModel user, String customerNumber) {
        OrganizationModel org = customerNumber == null ? null : organizations.getByAlias(customerNumber);
        if (org == null || !isMember(org, user)) {
            return Optional.empty();
        }
        return Optional.of(new Membership(org.getAlias(), org.getName(), roleOf(org, user)))
                .filter(m -> m.role() != CustomerRole.PENDING);
    }

    /** Member in any role, pending included; asked of the database (Keycloak's check reads all the user's memberships). */
    public boolean isMember(OrganizationModel org, UserModel user) {
        return StorageId.isLocalStorage(user.getId())
                ? queries(user).isMember(org.getId())
                : organizations.isMember(org, user);
    }

    public Optional<OrganizationModel> byCustomerNumber(String customerNumber) {
        return Optional.ofNullable(customerNumber == null ? null : organizations.getByAlias(customerNumber));
    }

    public CustomerRole roleIn(OrganizationModel org, UserModel user) {
        return roleOf(org, user);
    }

    /** How many members the account has, pending ones included, counted by Keycloak's organization store. */
    public long memberCount(OrganizationModel org) {
        return organizations.getMembersCount(org);
    }

    /** The account's Admins, found through the Admin group (not by reading every member's groups). */
    public List<UserModel> admins(OrganizationModel org) {
        return session.users()
                .getGroupMembersStream(session.getContext().getRealm(), group(org, CustomerRole.ADMIN))
                .toList();
    }

    /**
     * Changes a member's role, serialized per customer account with every other role change, removal
     * and admission, so that two Admins demoting each other at once can never leave it without one.
     * The actor's own Admin role is checked again once it is their turn.
     */
    public void changeRole(OrganizationModel org, UserModel actor, UserModel member, CustomerRole role)
            throws LastAdminException, NotAdminException {
        serialize(org);
        requireAdmin(org, actor);
        if (role != CustomerRole.ADMIN && isLastEnabledAdmin(org, member)) {
            throw new LastAdminException();
        }
        join(org, member, role);
    }

    /**
     * Removes a member ({@code actor == member}: they leave), serialized like {@link #changeRole}. A managed
     * member (one an identity provider of the organization brought in) is refused: Keycloak deletes a
     * managed member's whole account when they leave the organization.
     */
    public void removeMember(OrganizationModel org, UserModel actor, UserModel member)
            throws LastAdminException, NotAdminException, ManagedMemberException {
        serialize(org);
        if (!actor.getId().equals(member.getId())) {
            requireAdmin(org, actor);
        }
        if (organizations.isManagedMember(org, member)) {
            throw new ManagedMemberException();
        }
        if (isLastEnabledAdmin(org, member)) {
            throw new LastAdminException();
        }
        remove(org, member);
    }

    /**
     * Takes the customer account's lock for the rest of this transaction: member changes of one account
     * happen one after the other, on every node. Reads after it that decide a rule go to the database.
     */
    public void serialize(OrganizationModel org) {
        CustomerAccountLock.lock(session, org);
    }

    /** Enabled Admins counted in the database; only meaningful after {@link #serialize}. */
    public long adminCountInDatabase(OrganizationModel org) {
        return CustomerAccountLock.enabledHolders(
                session, group(org, CustomerRole.ADMIN).getId());
    }

    /** Member and Admin, asked of the database: for decisions taken under the account's lock. */
    public boolean isAdminNow(OrganizationModel org, UserModel user) {
        return organizations.isMember(org, user) && isAdminInDatabase(org, user);
    }

    /** Taking this member's Admin role away would leave no enabled Admin (a disabled one cannot act). */
    private boolean isLastEnabledAdmin(OrganizationModel org, UserModel member) {
        return member.isEnabled() && isAdminInDatabase(org, member) && adminCountInDatabase(org) <= 1;
    }

    private boolean isAdminInDatabase(OrganizationModel org, UserModel user) {
        return CustomerAccountLock.holds(session, group(org, CustomerRole.ADMIN).getId(), user.getId());
    }

    private void requireAdmin(OrganizationModel org, UserModel actor) throws NotAdminException {
        if (!organizations.isMember(org, actor) || !isAdminInDatabase(org, actor)) {
            throw new NotAdminException();
        }
    }

    /** Takes the user out of the customer account and its role groups. */
    public void remove(OrganizationModel org, UserModel user) {
        forgetMemberships(user);
        for (CustomerRole role : CustomerRole.values()) {
            GroupModel group = group(org, role);
            if (CustomerAccountLock.holds(
                    session, group.getId(), user.getId())) { // not isMemberOf: it reads every group of the user
                user.leaveGroup(group);
            }
        }
        organizations.removeMember(org, user);
    }

    private CustomerRole roleOf(OrganizationModel org, UserModel user) {
        List<String> groups = StorageId.isLocalStorage(user.getId())
                ? queries(user).groupNames(org.getId())
                : organizations
                        .getOrganizationGroupsByMember(org, user)
                        .map(GroupModel::getName)
                        .toList();
        if (groups.contains(CustomerRole.ADMIN.groupName())) {
            return CustomerRole.ADMIN;
        }
        return groups.contains(CustomerRole.PENDING.groupName()) ? CustomerRole.PENDING : CustomerRole.USER;
    }

    /** The role's organization group; one is created if a realm admin deleted it (see {@link #ensure} for new accounts). */
    public GroupModel group(OrganizationModel org, CustomerRole role) {
        return findGroup(org, role).orElseGet(() -> organizations.createGroup(org, role.groupName(), null));
    }

    private Optional<GroupModel> findGroup(OrganizationModel org, CustomerRole role) {
        return organizations
                .searchGroupsByName(org, role.groupName(), true, 0, 1)
                .findFirst();
    }
}
