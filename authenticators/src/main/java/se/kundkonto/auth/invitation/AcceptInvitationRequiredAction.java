package se.kundkonto.auth.invitation;

import java.util.Optional;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;

import se.kundkonto.accounts.ActiveCustomer;
import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.MembershipEvents;
import se.kundkonto.accounts.invitation.Invitation;
import se.kundkonto.accounts.invitation.Invitations;
import se.kundkonto.auth.RealmJoinPolicy;

/**
 * Opens an invitation link ({@code kc_action=kundkonto-accept-invitation:<invitation>}) after a normal
 * login — password and code, so the e-mailed link alone never grants anything — and asks "Gå med?".
 * Right after registering through the link there is nothing to ask. The invited role is given as is
 * (the inviting Admin chose it; the join policy is for people who join on their own), and the
 * invitation is spent.
 */
public final class AcceptInvitationRequiredAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = Invitation.KC_ACTION;
    public static final String TEMPLATE = "kundkonto-accept-invitation.ftl";
    /** Set by the registration form when the new user registered through this invitation. */
    public static final String NOTE_REGISTERED_FOR = "kundkonto.invitation.registeredFor";
    /** Event error: the Admin who sent the invitation has since been demoted or removed. */
    public static final String ERROR_INVITER_NOT_ADMIN = "kundkonto_inviter_not_admin";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        Optional<Invitation> invitation = usableInvitation(context);
        if (invitation.isEmpty()) {
            return;
        }
        if (invitation.get().id().equals(context.getAuthenticationSession().getAuthNote(NOTE_REGISTERED_FOR))) {
            accept(context, invitation.get());
            return;
        }
        context.challenge(page(context, invitation.get()).createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (!context.getHttpRequest().getDecodedFormParameters().containsKey("accept")) {
            context.cancel(); // "Fortsätt" after a problem: on to the portal without joining
            return;
        }
        usableInvitation(context).ifPresent(invitation -> accept(context, invitation));
    }

    /** The invitation, if it still holds and was sent to this user's address; otherwise an explaining page. */
    private static Optional<Invitation> usableInvitation(RequiredActionContext context) {
        // Judged under the account's lock: an inviter being removed or demoted right now is either seen or waits.
        Invitation.organizationOf(context.getSession(), context.getAuthenticationSession())
                .ifPresent(org -> new CustomerAccounts(context.getSession()).serialize(org));
        Optional<Invitation> invitation =
                Invitation.anyFromAuthSession(context.getSession(), context.getAuthenticationSession());
        String problem;
        String error;
        if (invitation.isEmpty()) {
            problem = "kundkontoInvitationInvalid";
            error = Errors.INVALID_TOKEN;
        } else if (!invitation.get().vouched()) {
            problem = "kundkontoInvitationInviterNotAdmin";
            error = ERROR_INVITER_NOT_ADMIN;
        } else if (!invitation.get().isFor(context.getUser().getEmail())) {
            problem = "kundkontoInvitationOtherEmail";
            error = Errors.INVALID_EMAIL;
        } else {
            return invitation;
        }
        event(context, invitation).error(error);
        context.challenge(context.form()
                .setAttribute("kundkontoInvitationProblem", true)
                .setError(problem)
                .createForm(TEMPLATE));
        return Optional.empty();
    }

    private static void accept(RequiredActionContext context, Invitation invitation) {
        UserModel user = context.getUser();
        CustomerAccounts accounts = new CustomerAccounts(context.getSession());
        CustomerRole role = RealmJoinPolicy.admission(context.getSession(), context.getRealm())
                .admitAs(invitation.organization(), user, invitation.role());
        new Invitations(context.getSession(), context.getRealm()).consume(invitation);
        accounts.membership(user, invitation.organization().getAlias())
                .ifPresent(m -> ActiveCustomer.choose(context.getAuthenticationSession(), user, m));
        event(context, Optional.of(invitation))
                .detail(MembershipEvents.DETAIL_ROLE, role.groupName())
                .success();
        context.success();
    }

    private static EventBuilder event(RequiredActionContext context, Optional<Invitation> invitation) {
        EventBuilder event = context.getEvent()
                .clone()
                .event(EventType.INVITE_ORG)
                .user(context.getUser())
                .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID)
                .detail(MembershipEvents.DETAIL_EVENT, MembershipEvents.INVITATION_ACCEPTED);
        invitation.ifPresent(i -> event.detail(Details.ORG_ID, i.organization().getId())
                .detail(MembershipEvents.DETAIL_CUSTOMER, i.organization().getAlias()));
        return event;
    }

    private static LoginFormsProvider page(RequiredActionContext context, Invitation invitation) {
        return context.form()
                .setAttribute("kundkontoCompanyName", invitation.organization().getName())
                .setAttribute(
                        "kundkontoCustomerNumber", invitation.organization().getAlias())
                .setAttribute("kundkontoInvitedAdmin", invitation.role() == CustomerRole.ADMIN);
    }

    @Override
    public void close() {}
}
