package se.kundkonto.accounts.uptake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.CustomerRole;

/**
 * What Keycloak's database says about the realm's customer accounts, for the uptake report, in queries
 * without a subquery per membership (a person in a thousand accounts must not cost a thousand times a
 * thousand rows). A member <em>counts</em> when they may use the account: an enabled user in it, but not one
 * who only waits for approval (in {@code Pending} without {@code Admin}), as the portal sees them (a member
 * with no role group is a User). Those who wait are few; they are read once and taken off the plain counts.
 */
final class ClaimQueries {

    private static final String MEMBERSHIP = "from OrganizationEntity o, UserGroupMembershipEntity m "
            + "where m.groupId = o.groupId and o.realmId = :realm and m.user.enabled = true ";

    private final EntityManager em;
    private final String realmId;
    private Waiting waiting;

    ClaimQueries(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realm.getId();
    }

    long customerAccounts() {
        return em.createQuery("select count(o) from OrganizationEntity o where o.realmId = :realm", Long.class)
                .setParameter("realm", realmId)
                .getSingleResult();
    }

    long accountsWithMembers() {
        long any = em.createQuery("select count(distinct o.id) " + MEMBERSHIP, Long.class)
                .setParameter("realm", realmId)
                .getSingleResult();
        return any - waiting().organizations().size();
    }

    /** People who may use at least one customer account. */
    long members() {
        long any = em.createQuery("select count(distinct m.user.id) " + MEMBERSHIP, Long.class)
                .setParameter("realm", realmId)
                .getSingleResult();
        return any - waiting().users().size();
    }

    /** Enabled people in the Admin group of at least one customer account (the pack keeps role groups to members). */
    long admins() {
        return em.createQuery(
                        "select count(distinct am.user.id) from UserGroupMembershipEntity am, GroupEntity ag, OrganizationEntity o "
                                + "where am.groupId = ag.id and ag.name = :admin and ag.organization = o and o.realmId = :realm "
                                + "and am.user.enabled = true",
                        Long.class)
                .setParameter("realm", realmId)
                .setParameter("admin", CustomerRole.ADMIN.groupName())
                .getSingleResult();
    }

    /**
     * Up to {@code limit} customer numbers of accounts with any member, after {@code after}, in order; to be
     * filtered with {@link #waitingOnlyNumbers} (filtering here would make a short chunk look like the last).
     */
    List<String> numbersWithAnyMember(String after, int limit) {
        return em.createQuery(
                        "select distinct o.alias " + MEMBERSHIP + "and o.alias > :after order by o.alias", String.class)
                .setParameter("realm", realmId)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Which of {@code numbers} have an account with members who count. */
    Set<String> withMembersAmong(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>(
                em.createQuery("select distinct o.alias " + MEMBERSHIP + "and o.alias in :numbers", String.class)
                        .setParameter("realm", realmId)
                        .setParameter("numbers", numbers)
                        .getResultList());
        found.removeAll(waitingOnlyNumbers());
        return found;
    }

    /** Customer numbers of accounts whose every member only waits for approval. */
    Set<String> waitingOnlyNumbers() {
        return waiting().numbers();
    }

    /**
     * When each account the pack created from the registry (the ones with its {@code customerNumber} attribute,
     * not those a realm admin made by hand) was created, from {@code since}: Keycloak stamps the organization's
     * own group when it is made, and the pack makes it at the customer's first claim.
     */
    List<Long> claimTimes(long since) {
        return em.createQuery(
                        "select g.createdTimestamp from OrganizationEntity o, GroupEntity g where g.id = o.groupId "
                                + "and o.realmId = :realm and g.createdTimestamp >= :since and exists (select 1 from GroupAttributeEntity a "
                                + "where a.group = g and a.name = :attribute)",
                        Long.class)
                .setParameter("realm", realmId)
                .setParameter("since", since)
                .setParameter("attribute", CustomerAccounts.ATTR_CUSTOMER_NUMBER)
                .getResultList();
    }

    /** Organizations (ids, numbers) and users whose every membership is one that only waits. */
    private record Waiting(Set<String> organizations, Set<String> numbers, Set<String> users) {}

    private Waiting waiting() {
        if (waiting == null) {
            List<Object[]> pairs = em.createQuery(
                            "select pm.user.id, o.id, o.alias from UserGroupMembershipEntity pm, GroupEntity pg, "
                                    + "OrganizationEntity o where pm.groupId = pg.id and pg.name = :pending and pg.organization = o and o.realmId = :realm and pm.user.enabled = true "
                                    + "and not exists (select 1 from UserGroupMembershipEntity am, GroupEntity ag where am.user = pm.user "
                                    + "and am.groupId = ag.id and ag.organization = o and ag.name = :admin)",
                            Object[].class)
                    .setParameter("realm", realmId)
                    .setParameter("pending", CustomerRole.PENDING.groupName())
                    .setParameter("admin", CustomerRole.ADMIN.groupName())
                    .getResultList();
            Map<String, Long> perOrganization = tally(pairs, 1);
            Map<String, Long> perUser = tally(pairs, 0);
            Set<String> organizations = onlyWaiting(perOrganization, "o.id");
            Set<String> numbers = new HashSet<>();
            pairs.stream().filter(p -> organizations.contains((String) p[1])).forEach(p -> numbers.add((String) p[2]));
            waiting = new Waiting(organizations, numbers, onlyWaiting(perUser, "m.user.id"));
        }
        return waiting;
    }

    private static Map<String, Long> tally(List<Object[]> pairs, int column) {
        Map<String, Long> counts = new HashMap<>();
        pairs.forEach(p -> counts.merge((String) p[column], 1L, Long::sum));
        return counts;
    }

    /** The keys (organization or user ids) all of whose memberships are among the waiting ones counted in {@code waitingCounts}. */
    private Set<String> onlyWaiting(Map<String, Long> waitingCounts, String key) {
        Set<String> onlyWaiting = new HashSet<>();
        List<String> keys = new ArrayList<>(waitingCounts.keySet());
        for (int from = 0; from < keys.size(); from += UptakeReport.CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + UptakeReport.CHUNK));
            em.createQuery(
                            "select " + key + ", count(m) " + MEMBERSHIP + "and " + key + " in :keys group by " + key,
                            Object[].class)
                    .setParameter("realm", realmId)
                    .setParameter("keys", chunk)
                    .getResultList()
                    .forEach(row -> {
                        if (((Number) row[1]).longValue() == waitingCounts.get((String) row[0])) {
                            onlyWaiting.add((String) row[0]);
                        }
                    });
        }
        return onlyWaiting;
    }
}
