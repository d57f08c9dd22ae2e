package se.kundkonto.auth.otp;

import java.util.List;
import java.util.Map;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class ReplaceOtpRequiredActionFactory
        implements RequiredActionFactory,
                StatelessProviderFactory<RequiredActionProvider>,
                ServerInfoAwareProviderFactory {

    private static final ReplaceOtpRequiredAction SINGLETON = new ReplaceOtpRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return ReplaceOtpRequiredAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Kundkonto: replace the authenticator after an e-mailed 2FA reset";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return List.of();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "triggeredBy",
                "action token " + ResetOtpActionToken.TOKEN_TYPE + " + the user's own sign-in",
                "oldCredential",
                "removed only after the new one is verified",
                "use",
                "enable (not as Default Action); never assign to users by hand"));
    }
}
