package se.kundkonto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

import se.kundkonto.auth.accounts.SelectCustomerAuthenticatorFactory;
import se.kundkonto.auth.broker.VerifiedBrokerUserAuthenticatorFactory;
import se.kundkonto.auth.login.CustomerAwareLoginFormFactory;
import se.kundkonto.auth.otp.ResetOtpFormFactory;
import se.kundkonto.auth.registration.LinkCustomerFormActionFactory;
import se.kundkonto.auth.verification.VerifyCustomerAuthenticatorFactory;

/** The admin console's view of the pack's flow steps: settings only where there are some, all of them explained. */
class FlowStepFactoryTest {

    private static final List<FlowStepFactory> STEPS = List.of(
            new SelectCustomerAuthenticatorFactory(),
            new LinkCustomerFormActionFactory(),
            new VerifyCustomerAuthenticatorFactory(),
            new VerifiedBrokerUserAuthenticatorFactory(),
            new CustomerAwareLoginFormFactory(),
            new ResetOtpFormFactory());

    @Test
    void configurableExactlyWhenThereAreSettings() {
        assertThat(new SelectCustomerAuthenticatorFactory().isConfigurable()).isFalse();
        assertThat(new LinkCustomerFormActionFactory().isConfigurable()).isFalse();
        // The guess limits live on the customer-registry federation, one setting for every entry point.
        assertThat(new VerifyCustomerAuthenticatorFactory().isConfigurable()).isFalse();
        assertThat(new CustomerAwareLoginFormFactory().isConfigurable()).isFalse();
        assertThat(new VerifiedBrokerUserAuthenticatorFactory().isConfigurable())
                .isFalse();
        assertThat(new ResetOtpFormFactory().isConfigurable()).isTrue();
    }

    @Test
    void requiredOrOffUnlessAStepSaysOtherwise() {
        assertThat(new VerifyCustomerAuthenticatorFactory().getRequirementChoices())
                .containsExactly(Requirement.REQUIRED, Requirement.DISABLED);
        assertThat(new VerifiedBrokerUserAuthenticatorFactory().getRequirementChoices())
                .contains(Requirement.ALTERNATIVE);
        // Only the OTP form lets a user without OTP set it up (as Keycloak's own OTP form does).
        assertThat(STEPS)
                .filteredOn(FlowStepFactory::isUserSetupAllowed)
                .singleElement()
                .isInstanceOf(ResetOtpFormFactory.class);
    }

    @Test
    void everyStepAndEverySettingHasALabelAndHelpText() {
        assertThat(STEPS).allSatisfy(step -> {
            assertThat(step.getDisplayType()).isNotBlank();
            assertThat(step.getHelpText()).isNotBlank();
            assertThat(step.getConfigProperties()).allSatisfy(property -> {
                assertThat(property.getLabel()).as(property.getName()).isNotBlank();
                assertThat(property.getHelpText()).as(property.getName()).isNotBlank();
            });
        });
    }
}
