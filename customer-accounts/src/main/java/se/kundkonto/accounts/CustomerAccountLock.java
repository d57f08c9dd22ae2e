package se.kundkonto.accounts;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * Serializes changes to one customer account's members: a row lock on its organization
 * ({@code SELECT … FOR UPDATE} on Keycloak's {@code ORG} table) held until the request's transaction
 * ends. The lock lives in the database every node shares, so it holds across a cluster, on PostgreSQL
 * and on H2 alike. Whoever waits for it reads the winner's committed change afterwards: the checks that
 * follow go to the database, not to Keycloak's caches, whose invalidation may lag the commit.
 */
final class CustomerAccountLock {

    private CustomerAccountLock() {
    }

    static void lock(KeycloakSession session, OrganizationModel org) {
        em(session).createNativeQuery("select ID from ORG where ID = ?1 for update")
                .setParameter(1, org.getId())
                .getResultList();
    }

    /** How many users hold the group, counted in the database. */
    static long members(KeycloakSession session, String groupId) {
        Object count = em(session).createNativeQuery("select count(*) from USER_GROUP_MEMBERSHIP where GROUP_ID = ?1")
                .setParameter(1, groupId)
                .getSingleResult();
        return ((Number) count).longValue();
    }

    /** Whether the user holds the group, asked of the database. */
    static boolean holds(KeycloakSession session, String groupId, String userId) {
        Object count = em(session).createNativeQuery(
                        "select count(*) from USER_GROUP_MEMBERSHIP where GROUP_ID = ?1 and USER_ID = ?2")
                .setParameter(1, groupId)
                .setParameter(2, userId)
                .getSingleResult();
        return ((Number) count).longValue() > 0;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
