package se.kundkonto.api;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;

/**
 * The account console's pages (theme {@code kundkonto}) call this API with the console's own token, so
 * the built-in {@code account-console} client needs the {@code kundkonto} scope. A realm import creates
 * the built-in clients before it imports the realm's client scopes, so "default default" scopes never
 * reach them; when a realm with the scope is created, it is given to the console here.
 */
final class AccountConsoleScope {

    private static final Logger LOG = Logger.getLogger(AccountConsoleScope.class);

    private AccountConsoleScope() {}

    static void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created) {
            grant(created.getCreatedRealm());
        }
    }

    static void grant(RealmModel realm) {
        ClientModel console = realm.getClientByClientId(Constants.ACCOUNT_CONSOLE_CLIENT_ID);
        ClientScopeModel scope = realm.getClientScopesStream()
                .filter(s -> Caller.REQUIRED_SCOPE.equals(s.getName()))
                .findFirst()
                .orElse(null);
        if (console == null || scope == null || console.getClientScopes(true).containsKey(scope.getName())) {
            return;
        }
        console.addClientScope(scope, true);
        LOG.infof(
                "Realm %s: client scope '%s' added to %s (the account console's kundkonto pages need it)",
                realm.getName(), scope.getName(), console.getClientId());
    }
}
