package se.kundkonto.auth.verification;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import se.kundkonto.customer.GuessLimits;

/** The throttle settings every customer-verification step offers in the admin console, with their defaults. */
public final class GuessLimitsConfig {

    static final String MAX_PER_CUSTOMER = "maxFailuresPerCustomer";
    static final String MAX_PER_CLIENT = "maxFailuresPerClient";
    static final String WINDOW_MINUTES = "windowMinutes";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(MAX_PER_CUSTOMER).label("Max failures per customer number")
            .helpText("Wrong answers allowed for one customer number within the window, counted across all clients and "
                    + "cluster nodes. Further attempts for that number are refused until the window has passed.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(String.valueOf(GuessLimits.DEFAULT.maxFailuresPerCustomer())).add()
            .property().name(MAX_PER_CLIENT).label("Max failures per client address")
            .helpText("Wrong answers allowed from one client IP address within the window, whatever customer numbers it tries. "
                    + "Behind a reverse proxy, configure Keycloak's proxy-headers option so the real client address is seen.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(String.valueOf(GuessLimits.DEFAULT.maxFailuresPerClient())).add()
            .property().name(WINDOW_MINUTES).label("Window (minutes)")
            .helpText("How long a wrong answer counts. A lock ends this long after the failure that caused it.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(String.valueOf(GuessLimits.DEFAULT.windowSeconds() / 60)).add()
            .build();

    private GuessLimitsConfig() {
    }

    /** The limits from an execution's config; missing or unusable values fall back to the defaults. */
    public static GuessLimits from(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        GuessLimits d = GuessLimits.DEFAULT;
        return new GuessLimits(
                positive(config.get(MAX_PER_CUSTOMER), d.maxFailuresPerCustomer()),
                positive(config.get(MAX_PER_CLIENT), d.maxFailuresPerClient()),
                positive(config.get(WINDOW_MINUTES), (int) (d.windowSeconds() / 60)) * 60L);
    }

    private static int positive(String value, int fallback) {
        try {
            int parsed = Integer.parseInt(value == null ? "" : value.strip());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
