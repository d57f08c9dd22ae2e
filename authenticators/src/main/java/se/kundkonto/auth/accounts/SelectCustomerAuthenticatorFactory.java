package se.kundkonto.auth.accounts;

import java.util.Map;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.accounts.ActiveCustomer;
import se.kundkonto.auth.FlowStepFactory;
import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class SelectCustomerAuthenticatorFactory
        implements FlowStepFactory,
                AuthenticatorFactory,
                StatelessProviderFactory<Authenticator>,
                ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto-select-customer";
    private static final SelectCustomerAuthenticator SINGLETON = new SelectCustomerAuthenticator();

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
        return "Kundkonto: choose active customer account";
    }

    @Override
    public String getReferenceCategory() {
        return "kundkonto-customer";
    }

    @Override
    public String getHelpText() {
        return "After the user is known: picks the customer account this client works with. With several accounts the user "
                + "chooses (last used preselected); with one it is chosen silently. Put it last in the browser flow.";
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "clientSessionNote", ActiveCustomer.CLIENT_NOTE, "lastUsedAttribute", ActiveCustomer.ATTR_LAST_USED));
    }
}
