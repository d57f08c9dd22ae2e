package se.kundkonto.accounts;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.jpa.entities.OrganizationEntity;

/**
 * Serializes changes to one customer account's members: a pessimistic write lock on its organization's
 * row, held until the request's transaction ends. Through JPA, so Hibernate writes the database's own
 * {@code SELECT … FOR UPDATE} and honours the configured schema. The lock lives in the database every
 * node shares, so it holds across a cluster. Whoever waits for it reads the winner's committed change
 * afterwards (on READ COMMITTED, the isolation Keycloak runs PostgreSQL and H2 with): the checks that
 * follow go to the database, not to Keycloak's caches, whose invalidation may lag the other commit.
 */
final class CustomerAccountLock {

    private CustomerAccountLock() {}

    static void lock(KeycloakSession session, OrganizationModel org) {
        em(session).find(OrganizationEntity.class, org.getId(), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Enabled users holding the group, counted in the database: a disabled Admin can manage nothing. */
    static long enabledHolders(KeycloakSession session, String groupId) {
        return em(session)
                .createQuery(
                        "select count(m) from UserGroupMembershipEntity m "
                                + "where m.groupId = :group and m.user.enabled = true",
                        Long.class)
                .setParameter("group", groupId)
                .getSingleResult();
    }

    /** Whether the user holds the group, asked of the database. */
    static boolean holds(KeycloakSession session, String groupId, String userId) {
        return em(session)
                        .createQuery(
                                "select count(m) from UserGroupMembershipEntity m "
                                        + "where m.groupId = :group and m.user.id = :user",
                                Long.class)
                        .setParameter("group", groupId)
                        .setParameter("user", userId)
                        .getSingleResult()
                > 0;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
