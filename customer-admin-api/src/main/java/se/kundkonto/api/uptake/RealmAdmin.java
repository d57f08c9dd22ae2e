package se.kundkonto.api.uptake;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

import se.kundkonto.api.ApiError;

/**
 * A user of the realm itself who may view its users (realm-management {@code view-users} or
 * {@code manage-users}, or a fine-grained permission to the same effect), checked as Keycloak's admin API
 * checks it: the user must hold the role <em>and</em> the token's client must have it in scope. Customer
 * Admins and Users hold no realm-management role and get 403, whatever client their token is from.
 */
final class RealmAdmin {

    private RealmAdmin() {}

    static void requireViewUsers(KeycloakSession session) {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            throw ApiError.unauthorized();
        }
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = auth.client() != null
                ? auth.client()
                : realm.getClientByClientId(auth.token().getIssuedFor());
        AdminAuth admin = new AdminAuth(realm, auth.token(), auth.user(), client);
        if (!AdminPermissions.evaluator(session, realm, admin).users().canView()) {
            throw ApiError.forbidden(
                    "insufficient_permission", "The uptake report needs the realm-management role view-users.");
        }
    }
}
