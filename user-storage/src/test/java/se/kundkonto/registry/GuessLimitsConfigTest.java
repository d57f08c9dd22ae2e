package se.kundkonto.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.provider.ProviderConfigProperty;

import se.kundkonto.customer.GuessLimits;

class GuessLimitsConfigTest {

    private static ComponentModel registry(Map<String, String> values) {
        ComponentModel model = new ComponentModel();
        model.setProviderId(CustomerRegistryProviderFactory.PROVIDER_ID);
        values.forEach(model::put);
        return model;
    }

    @Test
    void noSettingsMeanTheDefaults() {
        assertThat(GuessLimitsConfig.from(null)).isEqualTo(GuessLimits.DEFAULT);
        assertThat(GuessLimitsConfig.from(registry(Map.of()))).isEqualTo(GuessLimits.DEFAULT);
        assertThat(GuessLimits.DEFAULT).isEqualTo(new GuessLimits(5, 20, 900, 80));
    }

    @Test
    void readsTheAdminsSettings() {
        GuessLimits limits = GuessLimitsConfig.from(registry(Map.of(
                "maxFailuresPerCustomer",
                "3",
                "maxFailuresPerClient",
                "50",
                "windowMinutes",
                "60",
                "maxFailuresPerCustomerPerDay",
                " 40 ")));
        assertThat(limits).isEqualTo(new GuessLimits(3, 50, 3600, 40));
        assertThat(limits.perBucket()).isEqualTo(8);
    }

    @Test
    void unusableValuesFallBackInsteadOfDisablingTheThrottle() {
        GuessLimits limits = GuessLimitsConfig.from(registry(Map.of(
                "maxFailuresPerCustomer",
                "0",
                "maxFailuresPerClient",
                "many",
                "windowMinutes",
                "-5",
                "maxFailuresPerCustomerPerDay",
                "4")));
        assertThat(limits).isEqualTo(GuessLimits.DEFAULT);
    }

    @Test
    void theFederationOffersEveryLimitWithLabelHelpAndDefault() {
        assertThat(new CustomerRegistryProviderFactory().getConfigProperties())
                .extracting(ProviderConfigProperty::getName)
                .contains(
                        "persistenceUnit",
                        "joinPolicy",
                        "maxFailuresPerCustomer",
                        "maxFailuresPerClient",
                        "windowMinutes",
                        "maxFailuresPerCustomerPerDay");
        assertThat(new CustomerRegistryProviderFactory().getConfigProperties()).allSatisfy(p -> {
            assertThat(p.getLabel()).as(p.getName()).isNotBlank();
            assertThat(p.getHelpText()).as(p.getName()).isNotBlank();
            assertThat(p.getDefaultValue()).as(p.getName()).isNotNull();
        });
    }
}
