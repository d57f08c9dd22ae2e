package se.kundkonto.auth.registration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.MembershipEvents;
import se.kundkonto.accounts.invitation.Invitation;
import se.kundkonto.accounts.verification.VerifiedCustomer;
import se.kundkonto.auth.RealmJoinPolicy;
import se.kundkonto.auth.invitation.AcceptInvitationRequiredAction;

/**
 * Runs in the registration form after the user is created: joins them to the verified customer's
 * account (created from registry data on first use) under the realm's join policy (by default the
 * portal's rule: everyone who registers with the customer number is Admin). Someone registering
 * through an invitation link needs no digits but must register with the invited address; the
 * invitation's own step then gives them the invited role. Refuses the form otherwise.
 */
public final class LinkCustomerFormAction implements FormAction {

    public static final String ATTR_VERIFIED_CUSTOMER = "kundkontoCustomer";

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        VerifiedCustomer.from(context.getAuthenticationSession())
                .ifPresentOrElse(
                        customer -> form.setAttribute(
                                ATTR_VERIFIED_CUSTOMER,
                                Map.of(
                                        "companyName",
                                        customer.companyName(),
                                        "customerNumber",
                                        customer.customerNumber())),
                        () -> invitation(context).ifPresent(invitation -> showInvitation(context, form, invitation)));
    }

    private static void showInvitation(FormContext context, LoginFormsProvider form, Invitation invitation) {
        form.setAttribute(
                ATTR_VERIFIED_CUSTOMER,
                Map.of(
                        "companyName",
                        invitation.organization().getName(),
                        "customerNumber",
                        invitation.organization().getAlias()));
        if (HttpMethod.GET.equals(context.getHttpRequest().getHttpMethod())) {
            MultivaluedHashMap<String, String> prefilled = new MultivaluedHashMap<>();
            prefilled.putSingle(UserModel.EMAIL, invitation.email());
            form.setFormData(prefilled);
        }
    }

    @Override
    public void validate(ValidationContext context) {
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        if (VerifiedCustomer.from(context.getAuthenticationSession()).isPresent()) {
            context.success();
            return;
        }
        Optional<Invitation> invitation = invitation(context);
        if (invitation.isEmpty()) {
            context.error("kundkonto_customer_not_verified");
            context.validationError(formData, List.of(new FormMessage(null, "kundkontoCustomerNotVerified")));
        } else if (!invitation.get().isFor(formData.getFirst(UserModel.EMAIL))) {
            context.error(Errors.INVALID_EMAIL);
            context.validationError(
                    formData, List.of(new FormMessage(UserModel.EMAIL, "kundkontoInvitationEmailMismatch")));
        } else {
            context.success();
        }
    }

    @Override
    public void success(FormContext context) {
        Optional<VerifiedCustomer> verified = VerifiedCustomer.from(context.getAuthenticationSession());
        if (verified.isEmpty()) {
            Invitation invitation = invitation(context).orElseThrow();
            context.getAuthenticationSession()
                    .setAuthNote(AcceptInvitationRequiredAction.NOTE_REGISTERED_FOR, invitation.id());
            // The link was e-mailed to this very address (validate() insisted on it): that is the proof
            // Keycloak's e-mail verification would ask for again.
            context.getUser().setEmailVerified(true);
            context.getEvent()
                    .detail(
                            MembershipEvents.DETAIL_CUSTOMER,
                            invitation.organization().getAlias())
                    .detail(MembershipEvents.DETAIL_EVENT, MembershipEvents.INVITATION_ACCEPTED);
            return;
        }
        CustomerRole role = RealmJoinPolicy.admission(context.getSession(), context.getRealm())
                .admit(verified.get(), context.getUser());
        MembershipEvents.joined(context.getEvent(), verified.get().customerNumber(), role);
    }

    private static Optional<Invitation> invitation(FormContext context) {
        return Invitation.fromAuthSession(context.getSession(), context.getAuthenticationSession());
    }

    @Override
    public boolean requiresUser() {
        return false;
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
