package se.kundkonto.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A user's customer accounts read in a fixed number of queries whatever their number: one for a page of the
 * organizations the user is a member of (Keycloak keeps an organization's members in its internal
 * group, {@code ORG.GROUP_ID}), one for the user's role groups among them. Keycloak's own
 * {@code getByMember} plus a role lookup per organization cost one query per customer account, on every
 * token. Pending memberships (in {@code Pending} and not in {@code Admin}) are left out in the database,
 * so counts and pages agree with what the person may use; they are read first, in one more small query.
 * One instance serves one request (the pending list and the unsearched count are kept for it). Local users
 * only (see {@link CustomerAccounts}).
 */
final class MembershipQueries {

    /** A search longer than any company name or customer number would be is cut to this. */
    static final int MAX_SEARCH_LENGTH = Membership.MAX_SEARCH;

    private static final String MEMBER_OF = "from OrganizationEntity o, UserGroupMembershipEntity m "
            + "where m.groupId = o.groupId and m.user.id = :user and o.realmId = :realm ";
    private static final String NOT_PENDING = "and o.id not in :pending ";
    private static final String SEARCH =
            "and (lower(o.name) like :search escape '!' or o.alias like :search escape '!') ";
    private static final String NUMBERS = "and o.alias in :numbers ";

    private final EntityManager em;
    private final RealmModel realm;
    private final String userId;
    private List<String> pending;
    private Long total;

    MembershipQueries(KeycloakSession session, RealmModel realm, String userId) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realm = realm;
        this.userId = userId;
    }

    /** Memberships whose company name or customer number contains {@code search} (all when blank), by customer number. */
    List<Membership> page(String search, int first, int max) {
        String pattern = pattern(search);
        TypedQuery<Object[]> query = rows(pattern == null ? "" : SEARCH, pattern);
        return withRoles(query.setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(0, max))
                .getResultList());
    }

    long count(String search) {
        String pattern = pattern(search);
        if (pattern == null && total != null) {
            return total;
        }
        TypedQuery<Long> query = em.createQuery(
                "select count(o) " + MEMBER_OF + notPending() + (pattern == null ? "" : SEARCH), Long.class);
        bind(query, pattern);
        long count = query.getSingleResult();
        if (pattern == null) {
            total = count;
        }
        return count;
    }

    /** The user's memberships among these customer numbers, by customer number. */
    List<Membership> among(Collection<String> customerNumbers) {
        if (customerNumbers.isEmpty()) {
            return List.of();
        }
        return withRoles(
                rows(NUMBERS, null).setParameter("numbers", customerNumbers).getResultList());
    }

    /** Whether the user is a member of the organization, pending included. */
    boolean isMember(String organizationId) {
        return em.createQuery(
                                "select count(m) from OrganizationEntity o, UserGroupMembershipEntity m "
                                        + "where o.id = :org and m.groupId = o.groupId and m.user.id = :user",
                                Long.class)
                        .setParameter("org", organizationId)
                        .setParameter("user", userId)
                        .getSingleResult()
                > 0;
    }

    /** The names of the organization's groups the user is in: its role groups. */
    List<String> groupNames(String organizationId) {
        return em.createQuery(
                        "select g.name from GroupEntity g, UserGroupMembershipEntity m "
                                + "where m.groupId = g.id and m.user.id = :user and g.organization.id = :org",
                        String.class)
                .setParameter("org", organizationId)
                .setParameter("user", userId)
                .getResultList();
    }

    private TypedQuery<Object[]> rows(String condition, String pattern) {
        TypedQuery<Object[]> query = em.createQuery(
                "select o.id, o.alias, o.name " + MEMBER_OF + notPending() + condition + "order by o.alias",
                Object[].class);
        bind(query, pattern);
        return query;
    }

    private String notPending() {
        return pendingOrganizations().isEmpty() ? "" : NOT_PENDING;
    }

    private void bind(TypedQuery<?> query, String pattern) {
        query.setParameter("user", userId).setParameter("realm", realm.getId());
        if (!pendingOrganizations().isEmpty()) {
            query.setParameter("pending", pendingOrganizations());
        }
        if (pattern != null) {
            query.setParameter("search", pattern);
        }
    }

    /**
     * The organizations where the user waits for approval (in {@code Pending}, not in {@code Admin}): read
     * once, as a short list, so the member queries need no subquery per organization.
     */
    private List<String> pendingOrganizations() {
        if (pending == null) {
            pending = em.createQuery(
                            "select pg.organization.id from UserGroupMembershipEntity pm, GroupEntity pg "
                                    + "where pm.groupId = pg.id and pm.user.id = :user and pg.name = :pending and pg.organization is not null "
                                    + "and not exists (select 1 from UserGroupMembershipEntity am, GroupEntity ag "
                                    + "  where am.groupId = ag.id and am.user.id = :user and ag.organization = pg.organization and ag.name = :admin)",
                            String.class)
                    .setParameter("user", userId)
                    .setParameter("pending", CustomerRole.PENDING.groupName())
                    .setParameter("admin", CustomerRole.ADMIN.groupName())
                    .getResultList();
        }
        return pending;
    }

    /** Rows (id, alias, name) as memberships, the Admin role read for all of them in one query. */
    private List<Membership> withRoles(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Object[]> byId = new HashMap<>();
        rows.forEach(row -> byId.put((String) row[0], row));
        List<String> adminOf = em.createQuery(
                        "select g.organization.id from GroupEntity g, UserGroupMembershipEntity m "
                                + "where m.groupId = g.id and m.user.id = :user and g.name = :admin and g.organization.id in :orgs",
                        String.class)
                .setParameter("user", userId)
                .setParameter("admin", CustomerRole.ADMIN.groupName())
                .setParameter("orgs", byId.keySet())
                .getResultList();
        List<Membership> memberships = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            CustomerRole role = adminOf.contains((String) row[0]) ? CustomerRole.ADMIN : CustomerRole.USER;
            memberships.add(new Membership((String) row[1], (String) row[2], role));
        }
        return memberships;
    }

    /** See {@link Membership#containsPattern}. */
    static String pattern(String search) {
        return Membership.containsPattern(search);
    }
}
