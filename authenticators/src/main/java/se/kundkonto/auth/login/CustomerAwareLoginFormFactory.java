package se.kundkonto.auth.login;

import java.util.Map;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.auth.FlowStepFactory;
import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class CustomerAwareLoginFormFactory
        implements FlowStepFactory,
                AuthenticatorFactory,
                StatelessProviderFactory<Authenticator>,
                ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto-login-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CustomerAwareLoginForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Kundkonto: username password form (legacy company logins lead to registration)";
    }

    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public String getHelpText() {
        return "Keycloak's username/password form. A customer number typed as username is an old shared company login: "
                + "it never gets a session. Correct last four digits lead into registration with the customer verified; "
                + "wrong ones get the normal login error. Throttled like the customer verification step (limits on the customer-registry federation).";
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "legacyLoginPattern",
                "4-12 digits (spaces and dashes ignored)",
                "legacyLoginOutcome",
                "registration, never a session"));
    }
}
