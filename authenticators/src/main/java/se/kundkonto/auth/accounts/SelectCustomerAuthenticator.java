package se.kundkonto.auth.accounts;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import se.kundkonto.accounts.ActiveCustomer;
import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.Membership;

/**
 * After login: which customer account this client works with. One account: chosen silently.
 * Several: the picker ({@link CustomerPicker}: searchable when there are many), with the last one used preselected — except when nobody is there to ask
 * (prompt=none), on a silent SSO login, or before an application-initiated action; then the
 * default (last used) is taken.
 */
public final class SelectCustomerAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        CustomerAccounts accounts = new CustomerAccounts(context.getSession());
        if (accounts.membershipCount(user, null) <= 1 || !mayAsk(context.getAuthenticationSession())) {
            ActiveCustomer.resolve(accounts, user, null)
                    .or(() -> accounts.membershipsOf(user, null, 0, 1).stream().findFirst())
                    .ifPresent(m -> ActiveCustomer.choose(context.getAuthenticationSession(), user, m));
            context.success();
            return;
        }
        context.challenge(CustomerPicker.render(context.form(), accounts, user, null, null));
    }

    private static boolean mayAsk(AuthenticationSessionModel authSession) {
        return !"none".equals(authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM))
                && authSession.getAuthNote(AuthenticationManager.SSO_AUTH) == null
                && authSession.getClientNote(Constants.KC_ACTION) == null;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        CustomerAccounts accounts = new CustomerAccounts(context.getSession());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (CustomerPicker.isSearch(form)) {
            context.challenge(CustomerPicker.render(context.form(), accounts, user, CustomerPicker.search(form), null));
            return;
        }
        Optional<Membership> membership = accounts.membership(user, form.getFirst(CustomerPicker.FIELD));
        if (membership.isEmpty()) {
            context.challenge(CustomerPicker.render(
                    context.form(), accounts, user, CustomerPicker.search(form), "kundkontoChooseCustomer"));
            return;
        }
        ActiveCustomer.choose(context.getAuthenticationSession(), user, membership.get());
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
