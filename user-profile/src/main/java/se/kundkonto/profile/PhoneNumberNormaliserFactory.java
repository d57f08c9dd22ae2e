package se.kundkonto.profile;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.customer.PackVersion;

/** Realm settings → Events → Event listeners: add {@code kundkonto-phone-normaliser}. */
public final class PhoneNumberNormaliserFactory
        implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "kundkonto-phone-normaliser";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new PhoneNumberNormaliser(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "attribute",
                PhoneNumberNormaliser.ATTRIBUTE,
                "format",
                "E.164 (+46701234567), Swedish numbers assumed without a country code"));
    }
}
