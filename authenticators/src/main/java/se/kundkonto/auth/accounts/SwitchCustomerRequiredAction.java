package se.kundkonto.auth.accounts;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;

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
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        String requested = context.getAuthenticationSession().getClientNote(Constants.KC_ACTION_PARAMETER);
        CustomerAccounts accounts = new CustomerAccounts(context.getSession());
        Optional<Membership> membership = accounts.membership(context.getUser(), requested);
        if (membership.isPresent()) {
            switchTo(context, membership.get());
            return;
        }
        showPicker(context, accounts, null, requested == null || requested.isBlank() ? null : "kundkontoNotAMember");
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        CustomerAccounts accounts = new CustomerAccounts(context.getSession());
        if (CustomerPicker.isSearch(form)) {
            context.challenge(CustomerPicker.render(
                    context.form(), accounts, context.getUser(), CustomerPicker.search(form), null));
            return;
        }
        Optional<Membership> membership = accounts.membership(context.getUser(), form.getFirst(CustomerPicker.FIELD));
        if (membership.isPresent()) {
            switchTo(context, membership.get());
        } else {
            showPicker(context, accounts, CustomerPicker.search(form), "kundkontoChooseCustomer");
        }
    }

    private static void showPicker(
            RequiredActionContext context, CustomerAccounts accounts, String search, String error) {
        context.challenge(CustomerPicker.render(context.form(), accounts, context.getUser(), search, error));
    }

    private static void switchTo(RequiredActionContext context, Membership membership) {
        ActiveCustomer.choose(context.getAuthenticationSession(), context.getUser(), membership);
        context.getEvent()
                .clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID)
                .detail(MembershipEvents.DETAIL_EVENT, MembershipEvents.SWITCHED)
                .detail(MembershipEvents.DETAIL_CUSTOMER, membership.customerNumber())
                .success();
        context.success();
    }

    @Override
    public void close() {}
}
