package se.kundkonto.registry;

import java.util.List;

import org.keycloak.component.ComponentModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import se.kundkonto.customer.GuessLimits;

/**
 * The guess limits, kept on the realm's customer-registry federation: one place for every entry
 * point (verification page, login form, "Lägg till kundkonto", BankID), because they share one
 * counter per customer number. Missing or unusable values fall back to the defaults, never to "off".
 */
public final class GuessLimitsConfig {

    public static final String MAX_PER_CUSTOMER = "maxFailuresPerCustomer";
    public static final String MAX_PER_CLIENT = "maxFailuresPerClient";
    public static final String WINDOW_MINUTES = "windowMinutes";
    public static final String MAX_PER_CUSTOMER_PER_DAY = "maxFailuresPerCustomerPerDay";

    private static final GuessLimits D = GuessLimits.DEFAULT;

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(MAX_PER_CUSTOMER)
            .label("Max failures per customer number")
            .helpText(
                    "Wrong digits allowed for one customer number within the window, counted across every entry point "
                            + "(verification page, login form, 'Lägg till kundkonto', BankID), every client and every cluster node. "
                            + "Further attempts for that number are refused, even with the right digits, until the window has passed "
                            + "or a realm admin clears the lock.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(String.valueOf(D.maxFailuresPerCustomer()))
            .add()
            .property()
            .name(MAX_PER_CLIENT)
            .label("Max failures per client address")
            .helpText(
                    "Wrong answers allowed from one client IP address within the window, whatever customer numbers it tries. "
                            + "Behind a reverse proxy, configure Keycloak's proxy-headers option so the real client address is seen.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(String.valueOf(D.maxFailuresPerClient()))
            .add()
            .property()
            .name(WINDOW_MINUTES)
            .label("Window (minutes)")
            .helpText(
                    "How long a wrong answer counts against the two limits above. A correct answer clears the customer "
                            + "number's window (not its daily budget).")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(String.valueOf(D.windowSeconds() / 60))
            .add()
            .property()
            .name(MAX_PER_CUSTOMER_PER_DAY)
            .label("Max failures per customer number per day")
            .helpText(
                    "Wrong digits allowed for one customer number in any 24 hours, from all addresses together (at least 5). "
                            + "Kept in 6-hour buckets of a fifth each, so no 24 hours ever judge more. With 80 (default) a blind "
                            + "guesser needs about 60 days on average for the four digits. Correct answers do not refill it.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(String.valueOf(D.maxFailuresPerCustomerPerDay()))
            .add()
            .build();

    private GuessLimitsConfig() {}

    public static GuessLimits from(ComponentModel registry) {
        if (registry == null) {
            return D;
        }
        return new GuessLimits(
                atLeast(registry.get(MAX_PER_CUSTOMER), 1, D.maxFailuresPerCustomer()),
                atLeast(registry.get(MAX_PER_CLIENT), 1, D.maxFailuresPerClient()),
                atLeast(registry.get(WINDOW_MINUTES), 1, (int) (D.windowSeconds() / 60)) * 60L,
                atLeast(
                        registry.get(MAX_PER_CUSTOMER_PER_DAY),
                        GuessLimits.BUCKETS_TOUCHED_PER_DAY,
                        D.maxFailuresPerCustomerPerDay()));
    }

    private static int atLeast(String value, int min, int fallback) {
        try {
            int parsed = Integer.parseInt(value == null ? "" : value.strip());
            return parsed >= min ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
