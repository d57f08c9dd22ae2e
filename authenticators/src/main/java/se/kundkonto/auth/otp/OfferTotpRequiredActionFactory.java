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

public final class OfferTotpRequiredActionFactory
        implements RequiredActionFactory,
                StatelessProviderFactory<RequiredActionProvider>,
                ServerInfoAwareProviderFactory {

    private static final OfferTotpRequiredAction SINGLETON = new OfferTotpRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return OfferTotpRequiredAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Kundkonto: offer two-factor authentication (passkey or TOTP), skippable";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return List.of();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "credential",
                "Keycloak OTP (realm OTP policy), or a passkey through webauthn-register-passwordless "
                        + "(when the realm's WebAuthn passwordless policy has passkeys on)",
                "recoveryCodes",
                "CONFIGURE_RECOVERY_AUTHN_CODES follows either set-up when that required action is enabled",
                "skippable",
                "true",
                "use",
                "enable as Default Action so every new user gets the offer once"));
    }
}
