package se.kundkonto.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public final class CustomerAdminResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    CustomerAdminResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new CustomerAdminResource(session);
    }

    @Override
    public void close() {}
}
