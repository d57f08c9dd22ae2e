package se.kundkonto.auth.accounts;

import java.util.Map;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class SwitchCustomerRequiredActionFactory
        implements RequiredActionFactory,
                StatelessProviderFactory<RequiredActionProvider>,
                ServerInfoAwareProviderFactory {

    private static final SwitchCustomerRequiredAction SINGLETON = new SwitchCustomerRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return SwitchCustomerRequiredAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Kundkonto: switch active customer (Byt kund)";
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(
                Map.of("usage", "kc_action=" + SwitchCustomerRequiredAction.PROVIDER_ID + ":<customerNumber>"));
    }
}
