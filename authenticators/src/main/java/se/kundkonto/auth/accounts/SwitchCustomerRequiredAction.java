package se.kundkonto.auth.accounts;

import java.util.List;
import java.util.Optional;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;

import se.kundkonto.accounts.ActiveCustomer;
import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.Membership;
import se.kundkonto.accounts.MembershipEvents;

/**
 * "Byt kund" without logging in again: {@code kc_action=kundkonto-switch-customer:<customerNumber>}
 * switches at once when the user is a member; without a (valid) number the picker is shown.
 */
public final class SwitchCustomerRequiredAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = "kundkonto-switch-customer";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        String requested = context.getAuthenticationSession().getClientNote(Constants.KC_ACTION_PARAMETER);
        CustomerAccounts accounts = new CustomerAccounts(context.getSession());
        Optional<Membership> membership = accounts.membership(context.getUser(), requested);
        if (membership.isPresent()) {
            switchTo(context, membership.get());
            return;
        }
        showPicker(context, accounts, requested == null || requested.isBlank() ? null : "kundkontoNotAMember");
    }

    @Override
    public void processAction(RequiredActionContext context) {
        String chosen = context.getHttpRequest().getDecodedFormParameters().getFirst(CustomerPicker.FIELD);
        CustomerAccounts accounts = new CustomerAccounts(context.getSession());
        Optional<Membership> membership = accounts.membership(context.getUser(), chosen);
        if (membership.isPresent()) {
            switchTo(context, membership.get());
        } else {
            showPicker(context, accounts, "kundkontoChooseCustomer");
        }
    }

    private static void showPicker(RequiredActionContext context, CustomerAccounts accounts, String error) {
        UserModel user = context.getUser();
        List<Membership> memberships = accounts.membershipsOf(user);
        context.challenge(CustomerPicker.render(context.form(), memberships,
                ActiveCustomer.resolve(memberships, null, user.getFirstAttribute(ActiveCustomer.ATTR_LAST_USED)), error));
    }

    private static void switchTo(RequiredActionContext context, Membership membership) {
        ActiveCustomer.choose(context.getAuthenticationSession(), context.getUser(), membership);
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID)
                .detail(MembershipEvents.DETAIL_EVENT, MembershipEvents.SWITCHED)
                .detail(MembershipEvents.DETAIL_CUSTOMER, membership.customerNumber())
                .success();
        context.success();
    }

    @Override
    public void close() {
    }
}
