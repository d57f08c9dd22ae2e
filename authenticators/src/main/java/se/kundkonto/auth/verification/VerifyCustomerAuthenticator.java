package se.kundkonto.auth.verification;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import se.kundkonto.accounts.KundkontoMetrics;
import se.kundkonto.accounts.invitation.Invitation;
import se.kundkonto.accounts.verification.CustomerVerifier;
import se.kundkonto.accounts.verification.VerifiedCustomer;

/**
 * The "Kundnummer + de fyra sista siffrorna" page. Put before the registration form (or wherever a
 * person must prove they belong to a customer account); on success the customer is in the
 * authentication session for the linking step.
 */
public final class VerifyCustomerAuthenticator implements Authenticator {

    public static final String TEMPLATE = "kundkonto-verify-customer.ftl";
    public static final String FIELD_NUMBER = "customerNumber";
    public static final String FIELD_DIGITS = "orgDigits";
    public static final String EVENT_DETAIL_CUSTOMER = se.kundkonto.accounts.MembershipEvents.DETAIL_CUSTOMER;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // Invited people proved nothing about the company, and need not: an Admin of it vouched for them.
        if (VerifiedCustomer.from(context.getAuthenticationSession()).isPresent()
                || Invitation.fromAuthSession(context.getSession(), context.getAuthenticationSession())
                        .isPresent()) {
            context.success();
            return;
        }
        Optional<VerifiedCustomer> handedOver =
                PreverifiedCustomer.take(context.getSession(), context.getAuthenticationSession());
        if (handedOver.isPresent()) {
            handedOver.get().saveTo(context.getAuthenticationSession());
            context.success();
            return;
        }
        context.challenge(page(context));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        verify(context, KundkontoMetrics.EntryPoint.REGISTRATION).ifPresent(customer -> {
            customer.saveTo(context.getAuthenticationSession());
            context.success();
        });
    }

    /**
     * Handles a post of the verification page in any flow: the verified customer, or empty when the page
     * was answered (shown again with the reason, or the flow restarted on "Avbryt").
     */
    public static Optional<VerifiedCustomer> verify(
            AuthenticationFlowContext context, KundkontoMetrics.EntryPoint entryPoint) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("cancel")) {
            context.resetFlow();
            return Optional.empty();
        }
        VerificationInput input = VerificationInput.from(form);
        LoginFormsProvider page = input.keepNumberOn(form(context));
        if (input.reportMissing(page)) {
            context.challenge(page.createForm(TEMPLATE));
            return Optional.empty();
        }

        CustomerVerifier.Result result = new CustomerVerifier(context.getSession(), context.getRealm())
                .verify(
                        entryPoint,
                        input.number(),
                        input.digits(),
                        context.getConnection().getRemoteAddr());
        VerificationEvents.describe(context.getEvent(), input.number(), result);
        if (result.outcome() == CustomerVerifier.Outcome.VERIFIED) {
            return result.customer();
        }
        fail(context, result.outcome(), page.setError(result.outcome().message()));
        return Optional.empty();
    }

    /** The empty verification page. */
    public static Response page(AuthenticationFlowContext context) {
        return form(context).createForm(TEMPLATE);
    }

    private static void fail(
            AuthenticationFlowContext context, CustomerVerifier.Outcome outcome, LoginFormsProvider page) {
        context.getEvent().error(VerificationEvents.error(outcome));
        Response challenge = page.createForm(TEMPLATE);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, challenge);
    }

    private static LoginFormsProvider form(AuthenticationFlowContext context) {
        return context.form();
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
