package se.kundkonto.auth.broker;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.UserModel;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.KundkontoMetrics;
import se.kundkonto.accounts.MembershipEvents;
import se.kundkonto.accounts.verification.VerifiedCustomer;
import se.kundkonto.auth.RealmJoinPolicy;
import se.kundkonto.auth.verification.VerifyCustomerAuthenticator;

/**
 * First BankID login of a new person: Keycloak's "create user if unique", but only after the person
 * has proven a customer account with Kundnummer + de fyra sista siffrorna (the registration's page,
 * checks and throttle); the new user then joins that account under the join policy. When the
 * e-mail address already belongs to a user nothing is asked here: Keycloak's "handle existing
 * account" steps take over, which link only after the user's password (and code).
 */
public final class VerifiedBrokerUserAuthenticator extends IdpCreateUserIfUniqueAuthenticator {

    @Override
    protected void authenticateImpl(
            AuthenticationFlowContext context,
            SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        if (context.getAuthenticationSession().getAuthNote(EXISTING_USER_INFO) != null
                || VerifiedCustomer.from(context.getAuthenticationSession()).isPresent()
                || isExistingUser(context, serializedCtx, brokerContext)) {
            super.authenticateImpl(context, serializedCtx, brokerContext);
            return;
        }
        context.challenge(VerifyCustomerAuthenticator.page(context));
    }

    @Override
    protected void actionImpl(
            AuthenticationFlowContext context,
            SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        VerifyCustomerAuthenticator.verify(context, KundkontoMetrics.EntryPoint.BANKID)
                .ifPresent(customer -> {
                    customer.saveTo(context.getAuthenticationSession());
                    super.authenticateImpl(context, serializedCtx, brokerContext);
                });
    }

    /** Called by Keycloak right after it created the user. */
    @Override
    protected void userRegisteredSuccess(
            AuthenticationFlowContext context,
            UserModel user,
            SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        super.userRegisteredSuccess(context, user, serializedCtx, brokerContext);
        VerifiedCustomer customer =
                VerifiedCustomer.from(context.getAuthenticationSession()).orElseThrow();
        CustomerRole role = RealmJoinPolicy.admission(context.getSession(), context.getRealm())
                .admit(customer, user);
        MembershipEvents.joined(context.getEvent(), customer.customerNumber(), role);
    }

    private boolean isExistingUser(
            AuthenticationFlowContext context,
            SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        String username = getUsername(context, serializedCtx, brokerContext);
        return username != null && checkExistingUser(context, username, serializedCtx, brokerContext) != null;
    }
}
