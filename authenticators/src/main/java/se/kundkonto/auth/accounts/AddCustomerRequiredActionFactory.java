package se.kundkonto.auth.accounts;

import java.util.Map;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class AddCustomerRequiredActionFactory
        implements RequiredActionFactory,
                StatelessProviderFactory<RequiredActionProvider>,
                ServerInfoAwareProviderFactory {

    private static final AddCustomerRequiredAction SINGLETON = new AddCustomerRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return AddCustomerRequiredAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Kundkonto: add customer account (Lägg till kundkonto)";
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "usage",
                "kc_action=" + AddCustomerRequiredAction.PROVIDER_ID,
                "throttle",
                "defaults (5 per customer, 20 per client, 15 min)"));
    }
}
