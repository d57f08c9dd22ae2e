package se.kundkonto.auth.verification;

import java.util.Map;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.auth.FlowStepFactory;
import se.kundkonto.customer.GuessLimits;
import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class VerifyCustomerAuthenticatorFactory
        implements FlowStepFactory,
                AuthenticatorFactory,
                StatelessProviderFactory<Authenticator>,
                ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto-verify-customer";
    private static final VerifyCustomerAuthenticator SINGLETON = new VerifyCustomerAuthenticator();

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
        return "Kundkonto: verify customer number";
    }

    @Override
    public String getReferenceCategory() {
        return "kundkonto-customer";
    }

    @Override
    public String getHelpText() {
        return "Asks for the customer number and the last four digits of the organisation number and checks them against "
                + "the customer registry (user federation 'customer-registry'). Unknown, wrong and inactive all get one message; "
                + "guessing is throttled per customer number and per client address, with the limits set on the customer-registry "
                + "federation. Place before the registration form.";
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        GuessLimits d = GuessLimits.DEFAULT;
        return PackVersion.with(Map.of(
                "defaultMaxFailuresPerCustomer",
                String.valueOf(d.maxFailuresPerCustomer()),
                "defaultMaxFailuresPerClient",
                String.valueOf(d.maxFailuresPerClient()),
                "defaultWindowSeconds",
                String.valueOf(d.windowSeconds()),
                "defaultMaxFailuresPerCustomerPerDay",
                String.valueOf(d.maxFailuresPerCustomerPerDay()),
                "limitsSetOn",
                "user federation 'customer-registry' (one setting for every entry point)",
                "throttleStore",
                "SingleUseObjectProvider (cluster-wide)"));
    }
}
