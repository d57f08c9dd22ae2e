package se.kundkonto.auth.accounts;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;

import se.kundkonto.accounts.ActiveCustomer;
import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.KundkontoMetrics;
import se.kundkonto.accounts.MembershipEvents;
import se.kundkonto.accounts.verification.CustomerVerifier;
import se.kundkonto.accounts.verification.VerifiedCustomer;
import se.kundkonto.auth.RealmJoinPolicy;
import se.kundkonto.auth.verification.VerificationEvents;
import se.kundkonto.auth.verification.VerificationInput;
import se.kundkonto.auth.verification.VerifyCustomerAuthenticator;

/**
 * "Lägg till kundkonto" ({@code kc_action=kundkonto-add-customer}): the same customer verification as
 * at registration — same page, messages and throttle — then the user joins that customer account
 * under the realm's join policy, and it becomes the active one.
 */
public final class AddCustomerRequiredAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = "kundkonto-add-customer";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context).createForm(VerifyCustomerAuthenticator.TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        VerificationInput input =
                VerificationInput.from(context.getHttpRequest().getDecodedFormParameters());
        LoginFormsProvider page = input.keepNumberOn(page(context));
        if (input.reportMissing(page)) {
            context.challenge(page.createForm(VerifyCustomerAuthenticator.TEMPLATE));
            return;
        }
        CustomerVerifier.Result result = new CustomerVerifier(context.getSession(), context.getRealm())
                .verify(
                        KundkontoMetrics.EntryPoint.ADD_CUSTOMER,
                        input.number(),
                        input.digits(),
                        context.getConnection().getRemoteAddr());
        if (result.outcome() != CustomerVerifier.Outcome.VERIFIED) {
            VerificationEvents.describe(
                            context.getEvent()
                                    .clone()
                                    .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                                    .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID),
                            input.number(),
                            result)
                    .error(VerificationEvents.error(result.outcome()));
            page.setError(result.outcome().message());
            context.challenge(page.createForm(VerifyCustomerAuthenticator.TEMPLATE));
            return;
        }
        VerifiedCustomer customer = result.customer().orElseThrow();
        CustomerAccounts accounts = new CustomerAccounts(context.getSession());
        CustomerRole role = RealmJoinPolicy.admission(context.getSession(), context.getRealm())
                .admit(customer, context.getUser());
        // A pending member waits for an Admin; the active customer only changes for a real membership.
        accounts.membership(context.getUser(), customer.customerNumber())
                .ifPresent(m -> ActiveCustomer.choose(context.getAuthenticationSession(), context.getUser(), m));
        MembershipEvents.joined(
                        context.getEvent()
                                .clone()
                                .event(EventType.CUSTOM_REQUIRED_ACTION)
                                .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID),
                        customer.customerNumber(),
                        role)
                .success();
        context.success();
    }

    private static LoginFormsProvider page(RequiredActionContext context) {
        return context.form().setAttribute("kundkontoAddCustomer", true);
    }

    @Override
    public void close() {}
}
