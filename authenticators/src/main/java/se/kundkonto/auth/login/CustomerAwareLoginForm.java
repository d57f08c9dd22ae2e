package se.kundkonto.auth.login;

import java.net.URI;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.validation.Validation;
import org.keycloak.sessions.AuthenticationSessionModel;

import se.kundkonto.accounts.KundkontoMetrics;
import se.kundkonto.accounts.verification.CustomerVerifier;
import se.kundkonto.auth.verification.PreverifiedCustomer;
import se.kundkonto.auth.verification.VerificationEvents;
import se.kundkonto.customer.CustomerNumber;

/**
 * Keycloak's username/password form, plus: a customer number typed as username is an old shared
 * company login. It never authenticates anybody; when its digits are right the person is sent on
 * to registration with the customer already verified, otherwise they get the usual
 * "invalid username or password". Either way the attempt is throttled like the verification page.
 */
public final class CustomerAwareLoginForm extends UsernamePasswordForm {

    public CustomerAwareLoginForm(KeycloakSession session) {
        super(session);
    }

    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        String username = formData.getFirst(AuthenticationManager.FORM_USERNAME);
        if (!CustomerNumber.looksLikeOne(username)) {
            return super.validateForm(context, formData);
        }
        legacyCompanyLogin(context, username, formData.getFirst(Validation.FIELD_PASSWORD));
        return false;
    }

    private void legacyCompanyLogin(AuthenticationFlowContext context, String number, String digits) {
        CustomerVerifier.Result result = new CustomerVerifier(context.getSession(), context.getRealm())
                .verify(
                        KundkontoMetrics.EntryPoint.LOGIN_FORM,
                        number,
                        digits,
                        context.getConnection().getRemoteAddr());
        VerificationEvents.describe(context.getEvent(), number, result);
        switch (result.outcome()) {
            case VERIFIED -> {
                PreverifiedCustomer.stash(
                        context.getSession(),
                        context.getAuthenticationSession(),
                        result.customer().orElseThrow());
                context.challenge(Response.seeOther(registrationPage(context)).build());
            }
            case REJECTED -> reject(context, result.outcome(), getDefaultChallengeMessage(context));
            case LOCKED, UNAVAILABLE ->
                reject(context, result.outcome(), result.outcome().message());
        }
    }

    private void reject(AuthenticationFlowContext context, CustomerVerifier.Outcome outcome, String message) {
        context.getEvent().error(VerificationEvents.error(outcome));
        Response challenge = challenge(context, message, Validation.FIELD_USERNAME);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, challenge);
    }

    /** The registration page of this same browser tab's authentication session. */
    private static URI registrationPage(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return UriBuilder.fromUri(Urls.realmRegisterPage(
                        context.getUriInfo().getBaseUri(), context.getRealm().getName()))
                .queryParam(
                        OIDCLoginProtocol.CLIENT_ID_PARAM,
                        authSession.getClient().getClientId())
                .queryParam("tab_id", authSession.getTabId())
                .queryParam("client_data", AuthenticationProcessor.getClientData(context.getSession(), authSession))
                .build();
    }
}
