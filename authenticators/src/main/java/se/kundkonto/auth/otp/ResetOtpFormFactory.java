package se.kundkonto.auth.otp;

import java.util.List;
import java.util.Map;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.auth.FlowStepFactory;
import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class ResetOtpFormFactory
        implements FlowStepFactory,
                AuthenticatorFactory,
                StatelessProviderFactory<Authenticator>,
                ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto-otp-form";
    private static final ResetOtpForm SINGLETON = new ResetOtpForm();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(ResetOtpForm.CONFIG_LINK_MINUTES)
            .label("Reset link lifespan (minutes)")
            .helpText(
                    "How long the e-mailed 'Återställ tvåfaktorsautentisering' link works. It works once, and only for the "
                            + "user it was sent to.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(String.valueOf(ResetOtpForm.DEFAULT_LINK_MINUTES))
            .add()
            .property()
            .name(ResetOtpForm.CONFIG_MAX_MAILS_PER_HOUR)
            .label("Reset e-mails per user and hour")
            .helpText(
                    "How many 'Återställ tvåfaktorsautentisering' e-mails one user can have sent within an hour. Further "
                            + "requests are refused politely, so the button cannot be used to flood a mailbox.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(String.valueOf(ResetOtpForm.DEFAULT_MAX_MAILS_PER_HOUR))
            .add()
            .build();

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
        return "Kundkonto: OTP form with 2FA reset by e-mail";
    }

    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public String getHelpText() {
        return "Keycloak's OTP form plus 'Återställ tvåfaktorsautentisering': e-mails the user (already past the password) "
                + "a single-use link. Opening the link changes nothing; after the user signs in again with it in the same browser, "
                + "they set up a new authenticator, and the old one is removed once the new one is verified.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "actionToken",
                ResetOtpActionToken.TOKEN_TYPE,
                "defaultLinkLifespanMinutes",
                String.valueOf(ResetOtpForm.DEFAULT_LINK_MINUTES),
                "defaultMaxResetMailsPerHour",
                String.valueOf(ResetOtpForm.DEFAULT_MAX_MAILS_PER_HOUR),
                "replacedBy",
                ReplaceOtpRequiredAction.PROVIDER_ID));
    }
}
