package se.kundkonto.auth.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

import se.kundkonto.customer.GuessLimits;

class GuessLimitsConfigTest {

    private static AuthenticatorConfigModel config(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return model;
    }

    @Test
    void noConfigMeansTheDefaults() {
        assertThat(GuessLimitsConfig.from(null)).isEqualTo(GuessLimits.DEFAULT);
        assertThat(GuessLimitsConfig.from(config(Map.of()))).isEqualTo(GuessLimits.DEFAULT);
    }

    @Test
    void readsTheAdminsSettings() {
        GuessLimits limits = GuessLimitsConfig.from(config(Map.of("maxFailuresPerCustomer", "3", "maxFailuresPerClient", "50", "windowMinutes", "60")));
        assertThat(limits).isEqualTo(new GuessLimits(3, 50, 3600));
    }

    @Test
    void unusableValuesFallBackInsteadOfDisablingTheThrottle() {
        GuessLimits limits = GuessLimitsConfig.from(config(Map.of("maxFailuresPerCustomer", "0", "maxFailuresPerClient", "many", "windowMinutes", "-5")));
        assertThat(limits).isEqualTo(GuessLimits.DEFAULT);
    }

    @Test
    void everyPropertyHasALabelAndHelpText() {
        assertThat(GuessLimitsConfig.PROPERTIES).hasSize(3).allSatisfy((ProviderConfigProperty p) -> {
            assertThat(p.getLabel()).isNotBlank();
            assertThat(p.getHelpText()).isNotBlank();
            assertThat(p.getDefaultValue()).isNotNull();
        });
    }
}
