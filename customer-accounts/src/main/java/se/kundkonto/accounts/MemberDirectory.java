package se.kundkonto.accounts;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * One page of a customer account's members with their roles, in three queries whatever the account's
 * size: the page, the roles of the page's people (one query over the account's three role groups), and
 * the count (left out when the first page already holds everyone). Ordered by e-mail (then id, so the
 * order is stable); a search matches part of the e-mail or of "first last", in any case, with {@code %}
 * and {@code _} taken literally ({@link MembershipQueries#pattern}). Read through JPA like
 * {@link CustomerAccountLock}, as rows, not as one Keycloak user model per member.
 */
public final class MemberDirectory {

    /** A member as the directory lists them; the role as {@link CustomerAccounts#roleIn} gives it. */
    public record Entry(String id, String email, String firstName, String lastName, CustomerRole role) {}

    /** One page and how many members the search finds in all. */
    public record Page(List<Entry> members, long total) {}

    /** The escape character of {@link MembershipQueries#pattern}. */
    private static final char ESCAPE = '!';

    private static final String MEMBERS = " from UserGroupMembershipEntity m join m.user u"
            + " where m.groupId = (select o.groupId from OrganizationEntity o where o.id = :org)";
    private static final String MATCHES = " and (lower(u.email) like :search escape '" + ESCAPE + "'"
            + " or lower(concat(coalesce(u.firstName, ''), ' ', coalesce(u.lastName, ''))) like :search escape '"
            + ESCAPE + "')";
    private static final String HOLDS =
            "exists (select r from UserGroupMembershipEntity r where r.user.id = u.id and r.groupId = :%s)";

    private final KeycloakSession session;
    private final CustomerAccounts accounts;

    public MemberDirectory(KeycloakSession session, CustomerAccounts accounts) {
        this.session = session;
        this.accounts = accounts;
    }

    /**
     * Members {@code first} to {@code first + max - 1} of those matching {@code search} (null or blank:
     * everyone) and holding {@code role} (null: any role). Pending members are included, as they are
     * listed for Admins to approve.
     */
    public Page page(OrganizationModel org, String search, CustomerRole role, int first, int max) {
        Map<CustomerRole, String> groups = new EnumMap<>(CustomerRole.class);
        for (CustomerRole r : CustomerRole.values()) {
            groups.put(r, accounts.group(org, r).getId());
        }
        String pattern = MembershipQueries.pattern(search);
        String where = MEMBERS + (pattern == null ? "" : MATCHES) + roleClause(role);

        TypedQuery<Object[]> rows = em().createQuery(
                        "select u.id, u.email, u.firstName, u.lastName" + where
                                + " order by u.email asc nulls last, u.id asc",
                        Object[].class);
        TypedQuery<Long> count = em().createQuery("select count(m)" + where, Long.class);
        for (TypedQuery<?> query : List.of(rows, count)) {
            query.setParameter("org", org.getId());
            if (pattern != null) {
                query.setParameter("search", pattern);
            }
            if (role != null) {
                parameters(role, groups).forEach(query::setParameter);
            }
        }
        List<Object[]> page = rows.setFirstResult(first).setMaxResults(max).getResultList();
        Map<String, CustomerRole> roles =
                rolesOf(page.stream().map(r -> (String) r[0]).toList(), groups);
        List<Entry> members = page.stream()
                .map(r -> new Entry(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        roles.getOrDefault((String) r[0], CustomerRole.USER)))
                .toList();
        // A short page from the start of the list is the whole list: no count needed (the small account's case).
        boolean whole = first == 0 && page.size() < max;
        return new Page(members, whole ? page.size() : count.getSingleResult());
    }

    /** Admin over Pending over User, as {@link CustomerAccounts#roleIn}; in no role group at all: User. */
    private Map<String, CustomerRole> rolesOf(List<String> userIds, Map<CustomerRole, String> groups) {
        Map<String, CustomerRole> roles = new HashMap<>();
        if (userIds.isEmpty()) {
            return roles;
        }
        Map<String, CustomerRole> byGroup = new HashMap<>();
        groups.forEach((role, group) -> byGroup.put(group, role));
        em().createQuery(
                        "select m.user.id, m.groupId from UserGroupMembershipEntity m"
                                + " where m.groupId in :groups and m.user.id in :users",
                        Object[].class)
                .setParameter("groups", groups.values())
                .setParameter("users", userIds)
                .getResultList()
                .forEach(r -> roles.merge((String) r[0], byGroup.get((String) r[1]), MemberDirectory::higher));
        return roles;
    }

    private static CustomerRole higher(CustomerRole a, CustomerRole b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(CustomerRole role) {
        return switch (role) {
            case ADMIN -> 2;
            case PENDING -> 1;
            case USER -> 0;
        };
    }

    /** The role filter, with the precedence of {@link #higher}: an Admin who is also in Pending is an Admin. */
    private static String roleClause(CustomerRole role) {
        if (role == null) {
            return "";
        }
        String admin = HOLDS.formatted("admin");
        String pending = HOLDS.formatted("pending");
        return switch (role) {
            case ADMIN -> " and " + admin;
            case PENDING -> " and " + pending + " and not " + admin;
            case USER -> " and not " + admin + " and not " + pending;
        };
    }

    private static Map<String, String> parameters(CustomerRole role, Map<CustomerRole, String> groups) {
        return role == CustomerRole.ADMIN
                ? Map.of("admin", groups.get(CustomerRole.ADMIN))
                : Map.of("admin", groups.get(CustomerRole.ADMIN), "pending", groups.get(CustomerRole.PENDING));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
