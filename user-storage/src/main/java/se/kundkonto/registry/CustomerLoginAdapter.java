package se.kundkonto.registry;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.component.ComponentModel;
import org.keycloak.credential.UserCredentialManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.storage.adapter.AbstractUserAdapter;

import se.kundkonto.customer.CustomerRecord;

/**
 * A legacy company login (username = customer number) seen through Keycloak's user API.
 * Read-only and always disabled: it exists to be verified, never to log in.
 */
final class CustomerLoginAdapter extends AbstractUserAdapter.Streams {

    private final CustomerRecord customer;

    CustomerLoginAdapter(KeycloakSession session, RealmModel realm, ComponentModel model, CustomerRecord customer) {
        super(session, realm, model);
        this.customer = customer;
    }

    @Override
    public String getUsername() {
        return customer.customerNumber().value();
    }

    @Override
    public boolean isEnabled() {
        return false;
    }

    @Override
    public Stream<String> getAttributeStream(String name) {
        return switch (name) {
            case CustomerRegistryProvider.ATTR_COMPANY_NAME -> Stream.of(customer.companyName());
            case CustomerRegistryProvider.ATTR_ORG_NUMBER -> Stream.of(customer.orgNumber().masked());
            case CustomerRegistryProvider.ATTR_SOLE_TRADER -> Stream.of(String.valueOf(customer.orgNumber().isPersonalIdentityNumber()));
            default -> super.getAttributeStream(name);
        };
    }

    @Override
    public String getFirstAttribute(String name) {
        return getAttributeStream(name).findFirst().orElse(null);
    }

    @Override
    public Map<String, List<String>> getAttributes() {
        Map<String, List<String>> attributes = super.getAttributes();
        attributes.put(CustomerRegistryProvider.ATTR_COMPANY_NAME, List.of(customer.companyName()));
        attributes.put(CustomerRegistryProvider.ATTR_ORG_NUMBER, List.of(customer.orgNumber().masked()));
        attributes.put(CustomerRegistryProvider.ATTR_SOLE_TRADER, List.of(String.valueOf(customer.orgNumber().isPersonalIdentityNumber())));
        return attributes;
    }

    @Override
    public SubjectCredentialManager credentialManager() {
        return new UserCredentialManager(session, realm, this);
    }
}
