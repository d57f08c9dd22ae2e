package se.kundkonto.auth;

import java.util.List;

import org.keycloak.authentication.ConfigurableAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What the pack's authenticators and form actions have in common unless they say otherwise:
 * configurable exactly when they have settings, required or off, and never set up by the user.
 */
public interface FlowStepFactory extends ConfigurableAuthenticatorFactory {

    @Override
    default List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    default boolean isConfigurable() {
        return !getConfigProperties().isEmpty();
    }

    @Override
    default Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    default boolean isUserSetupAllowed() {
        return false;
    }
}
