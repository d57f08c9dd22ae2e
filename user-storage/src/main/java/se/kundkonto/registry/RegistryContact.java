package se.kundkonto.registry;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import se.kundkonto.customer.CustomerNumber;

/**
 * Who at the company the registry says to write to ({@code contact_email}), if anyone. Read in a short
 * transaction of its own, like every registry read; a registry without the column, or one that does not
 * answer, simply has no contact (logged).
 */
public final class RegistryContact {

    private static final Logger LOG = Logger.getLogger(RegistryContact.class);

    private RegistryContact() {}

    public static Optional<String> emailOf(
            KeycloakSessionFactory factory, ComponentModel registry, CustomerNumber number) {
        String unit = new CustomerRegistryConfig(registry).persistenceUnit();
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                JpaConnectionProvider jpa = session.getProvider(JpaConnectionProvider.class, unit);
                RegistryContactEntity row =
                        jpa == null ? null : jpa.getEntityManager().find(RegistryContactEntity.class, number.value());
                return Optional.ofNullable(row == null ? null : row.getContactEmail())
                        .map(String::strip)
                        .filter(email -> !email.isEmpty());
            });
        } catch (RuntimeException e) {
            LOG.warnf(
                    "No contact e-mail for customer %s from the registry (is there a column contact_email?): %s",
                    number, e.getMessage());
            return Optional.empty();
        }
    }
}
