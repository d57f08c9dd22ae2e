package se.kundkonto.auth.invitation;

import java.util.Map;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class AcceptInvitationRequiredActionFactory
        implements RequiredActionFactory,
                StatelessProviderFactory<RequiredActionProvider>,
                ServerInfoAwareProviderFactory {

    private static final AcceptInvitationRequiredAction SINGLETON = new AcceptInvitationRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return AcceptInvitationRequiredAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Kundkonto: accept an invitation to a customer account";
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "usage",
                "opened from the e-mailed invitation link; invitations are sent through the kundkonto REST API"));
    }
}
