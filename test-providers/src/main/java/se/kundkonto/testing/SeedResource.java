package se.kundkonto.testing;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.jpa.entities.OrganizationEntity;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.jpa.entities.UserGroupMembershipEntity;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.representations.idm.MembershipType;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Makes a user a member of many new customer accounts at once. Keycloak's {@code addMember} reads all of a
 * user's memberships before adding one, so through the admin API (or a realm import) 1,000 of them take
 * many minutes; here each organization is created through Keycloak's model and the membership row written
 * directly, in transactions of {@link #CHUNK}, and the user's cache entry dropped at the end. The
 * organizations look like those an admin creates: alias, name, enabled, an unmanaged member, no role
 * group (so the member counts as a User). Requires a master-realm admin's bearer token.
 */
public final class SeedResource {

    private static final int CHUNK = 100;

    private final KeycloakSession session;

    SeedResource(KeycloakSession session) {
        this.session = session;
    }

    /** One line per account: {@code customerNumber;company name}. */
    @POST
    @Path("memberships")
    @Consumes(MediaType.TEXT_PLAIN)
    public String memberships(@QueryParam("email") String email, String body) {
        requireMasterAdmin();
        RealmModel realm = session.getContext().getRealm();
        UserModel user = email == null ? null : session.users().getUserByEmail(realm, email);
        if (user == null) {
            throw new NotFoundException("no such user");
        }
        List<String[]> accounts =
                body.lines().filter(l -> !l.isBlank()).map(l -> l.split(";", 2)).toList();
        String realmId = realm.getId();
        String userId = user.getId();
        for (int from = 0; from < accounts.size(); from += CHUNK) {
            List<String[]> chunk = accounts.subList(from, Math.min(accounts.size(), from + CHUNK));
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                RealmModel r = s.realms().getRealm(realmId);
                s.getContext().setRealm(r);
                OrganizationProvider organizations = s.getProvider(OrganizationProvider.class);
                EntityManager em = s.getProvider(JpaConnectionProvider.class).getEntityManager();
                UserEntity member = em.getReference(UserEntity.class, userId);
                for (String[] account : chunk) {
                    OrganizationModel org = organizations.create(null, account[1], account[0]);
                    UserGroupMembershipEntity membership = new UserGroupMembershipEntity();
                    membership.setUser(member);
                    membership.setGroupId(
                            em.find(OrganizationEntity.class, org.getId()).getGroupId());
                    membership.setMembershipType(MembershipType.UNMANAGED);
                    em.persist(membership);
                }
            });
        }
        UserCache cache = session.getProvider(UserCache.class);
        if (cache != null) {
            cache.evict(realm, user);
        }
        return String.valueOf(accounts.size());
    }

    /**
     * Looks up each of the user's memberships once through Keycloak's {@code getMemberById}, the only call
     * that fills Keycloak's per-membership cache entry, in one session (the user is loaded and checked once).
     * Without those entries every lookup of the user asks the database about each organization
     * (README "Scale, after the scale work"); returns how many were looked up.
     */
    @POST
    @Path("memberships/warm")
    public String warm(@QueryParam("email") String email) {
        requireMasterAdmin();
        RealmModel realm = session.getContext().getRealm();
        UserModel user = email == null ? null : session.users().getUserByEmail(realm, email);
        if (user == null) {
            throw new NotFoundException("no such user");
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        List<OrganizationModel> memberOf = organizations.getByMember(user).toList();
        memberOf.forEach(org -> organizations.getMemberById(org, user.getId()));
        return String.valueOf(memberOf.size());
    }

    private void requireMasterAdmin() {
        RealmModel master = session.realms().getRealmByName("master");
        RealmModel current = session.getContext().getRealm();
        AuthResult auth;
        session.getContext().setRealm(master); // the token is checked against the context's realm too
        try {
            auth = new AppAuthManager.BearerTokenAuthenticator(session)
                    .setRealm(master)
                    .authenticate();
        } finally {
            session.getContext().setRealm(current);
        }
        if (auth == null) {
            throw new NotAuthorizedException("Bearer");
        }
        if (master.getRole("admin") == null || !auth.getUser().hasRole(master.getRole("admin"))) {
            throw new ForbiddenException();
        }
    }
}
