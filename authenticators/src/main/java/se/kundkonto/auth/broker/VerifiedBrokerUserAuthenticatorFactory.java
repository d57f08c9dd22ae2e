package se.kundkonto.auth.broker;

import java.util.Map;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.auth.FlowStepFactory;
import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class VerifiedBrokerUserAuthenticatorFactory
        implements FlowStepFactory,
                AuthenticatorFactory,
                StatelessProviderFactory<Authenticator>,
                ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto-broker-verified-user";
    private static final VerifiedBrokerUserAuthenticator SINGLETON = new VerifiedBrokerUserAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Kundkonto: create BankID user after customer verification";
    }

    @Override
    public String getReferenceCategory() {
        return "createUserIfUnique";
    }

    @Override
    public String getHelpText() {
        return "For first broker login (BankID): when no user has the person's e-mail, asks for the customer number and the last "
                + "four digits (same checks and throttle as registration), then creates the user and joins the customer account "
                + "under the join policy. When the e-mail is taken it steps aside (ALTERNATIVE) for 'Handle existing account', "
                + "which links only after re-authentication.";
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "replaces",
                "idp-create-user-if-unique",
                "verification",
                "kundkonto-verify-customer page and throttle"));
    }
}
