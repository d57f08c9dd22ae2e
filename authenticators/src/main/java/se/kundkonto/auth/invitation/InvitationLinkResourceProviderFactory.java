package se.kundkonto.auth.invitation;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import se.kundkonto.accounts.invitation.Invitation;
import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

/** Serves the e-mailed invitation link at {@code /realms/{realm}/kundkonto-invitation}. */
public final class InvitationLinkResourceProviderFactory
        implements RealmResourceProviderFactory,
                StatelessProviderFactory<RealmResourceProvider>,
                ServerInfoAwareProviderFactory {

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new InvitationLinkResource(session);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public String getId() {
        return Invitation.LINK_PATH;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "path",
                "/realms/{realm}/" + Invitation.LINK_PATH + "?key=<invitation>",
                "usage",
                "the link in invitation e-mails: starts the registration or login for the inviting client"));
    }
}
