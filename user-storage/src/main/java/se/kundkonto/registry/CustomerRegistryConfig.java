package se.kundkonto.registry;

import org.keycloak.component.ComponentModel;

/** Typed view of the provider's settings in the admin console, with defaults. */
record CustomerRegistryConfig(String persistenceUnit) {

    static final String PERSISTENCE_UNIT = "persistenceUnit";
    static final String DEFAULT_PERSISTENCE_UNIT = "kundregister";

    CustomerRegistryConfig(ComponentModel model) {
        this(blankToDefault(model.get(PERSISTENCE_UNIT)));
    }

    private static String blankToDefault(String value) {
        return value == null || value.isBlank() ? DEFAULT_PERSISTENCE_UNIT : value.strip();
    }
}
