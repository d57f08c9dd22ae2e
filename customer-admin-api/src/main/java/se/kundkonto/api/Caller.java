package se.kundkonto.api;

import java.util.Arrays;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.CustomerRole;

/** The user behind the bearer token, and what they may see and change. */
record Caller(UserModel user, AccessToken token) {

    static final String REQUIRED_SCOPE = "kundkonto";

    static Caller authenticate(KeycloakSession session) {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            throw ApiError.unauthorized();
        }
        String scope = auth.getToken().getScope();
        if (scope == null || Arrays.stream(scope.split(" ")).noneMatch(REQUIRED_SCOPE::equals)) {
            throw ApiError.forbidden("insufficient_scope", "The access token must carry the 'kundkonto' scope.");
        }
        return new Caller(auth.getUser(), auth.getToken());
    }

    /** The customer account, if the caller belongs to it; otherwise 404, as if it did not exist. */
    OrganizationModel memberOf(CustomerAccounts accounts, String customerNumber) {
        return accounts.byCustomerNumber(customerNumber)
                .filter(org -> accounts.membership(user, org.getAlias()).isPresent())
                .orElseThrow(() -> ApiError.notFound("customer_not_found", "No such customer account."));
    }

    /** The customer account, if the caller is an Admin of it; a mere member gets 403. */
    OrganizationModel adminOf(CustomerAccounts accounts, String customerNumber) {
        OrganizationModel org = memberOf(accounts, customerNumber);
        if (accounts.roleIn(org, user) != CustomerRole.ADMIN) {
            throw ApiError.forbidden("not_admin", "Only an Admin of the customer account may change it.");
        }
        return org;
    }
}
