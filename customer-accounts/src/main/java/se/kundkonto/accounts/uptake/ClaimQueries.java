package se.kundkonto.accounts.uptake;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.CustomerRole;

/**
 * What Keycloak's database says about the realm's customer accounts, for the uptake report: each answer
 * one query, whatever the number of accounts. A member <em>counts</em> when they may use the account:
 * an Admin, or anyone in it who does not wait for approval (in {@code Pending} without {@code Admin}),
 * which is how the portal sees them too (a member with no role group is a User).
 */
final class ClaimQueries {

    private static final String COUNTED_MEMBER = "from OrganizationEntity o, UserGroupMembershipEntity m "
            + "where m.groupId = o.groupId and o.realmId = :realm and ("
            + " exists (select 1 from UserGroupMembershipEntity am, GroupEntity ag"
            + "  where am.user = m.user and am.groupId = ag.id and ag.organization = o and ag.name = :admin)"
            + " or not exists (select 1 from UserGroupMembershipEntity pm, GroupEntity pg"
            + "  where pm.user = m.user and pm.groupId = pg.id and pg.organization = o and pg.name = :pending)) ";

    private final EntityManager em;
    private final String realmId;

    ClaimQueries(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realm.getId();
    }

    long customerAccounts() {
        return em.createQuery("select count(o) from OrganizationEntity o where o.realmId = :realm", Long.class)
                .setParameter("realm", realmId).getSingleResult();
    }

    long accountsWithMembers() {
        return counted(em.createQuery("select count(distinct o.id) " + COUNTED_MEMBER, Long.class)).getSingleResult();
    }

    /** People who may use at least one customer account. */
    long members() {
        return counted(em.createQuery("select count(distinct m.user.id) " + COUNTED_MEMBER, Long.class)).getSingleResult();
    }

    /** People who are Admin of at least one customer account they are still a member of. */
    long admins() {
        return em.createQuery("select count(distinct am.user.id) from UserGroupMembershipEntity am, GroupEntity ag, OrganizationEntity o "
                        + "where am.groupId = ag.id and ag.name = :admin and ag.organization = o and o.realmId = :realm "
                        + "and exists (select 1 from UserGroupMembershipEntity m where m.user = am.user and m.groupId = o.groupId)", Long.class)
                .setParameter("realm", realmId).setParameter("admin", CustomerRole.ADMIN.groupName()).getSingleResult();
    }

    /** Up to {@code limit} customer numbers of accounts with members, after {@code after}, in order. */
    List<String> numbersWithMembers(String after, int limit) {
        return counted(em.createQuery("select distinct o.alias " + COUNTED_MEMBER + "and o.alias > :after order by o.alias", String.class))
                .setParameter("after", after).setMaxResults(limit).getResultList();
    }

    /** Which of {@code numbers} have an account with members. */
    List<String> withMembersAmong(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return counted(em.createQuery("select distinct o.alias " + COUNTED_MEMBER + "and o.alias in :numbers", String.class))
                .setParameter("numbers", numbers).getResultList();
    }

    /**
     * When each account the pack created from the registry (the ones with its {@code customerNumber} attribute,
     * not those a realm admin made by hand) was created, from {@code since}: Keycloak stamps the organization's
     * own group when it is made, and the pack makes it at the customer's first claim.
     */
    List<Long> claimTimes(long since) {
        return em.createQuery("select g.createdTimestamp from OrganizationEntity o, GroupEntity g where g.id = o.groupId "
                        + "and o.realmId = :realm and g.createdTimestamp >= :since and exists (select 1 from GroupAttributeEntity a "
                        + "where a.group = g and a.name = :attribute)", Long.class)
                .setParameter("realm", realmId).setParameter("since", since)
                .setParameter("attribute", CustomerAccounts.ATTR_CUSTOMER_NUMBER).getResultList();
    }

    private <T> TypedQuery<T> counted(TypedQuery<T> query) {
        return query.setParameter("realm", realmId).setParameter("admin", CustomerRole.ADMIN.groupName())
                .setParameter("pending", CustomerRole.PENDING.groupName());
    }
}
