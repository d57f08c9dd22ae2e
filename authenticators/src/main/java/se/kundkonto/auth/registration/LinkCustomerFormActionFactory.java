package se.kundkonto.auth.registration;

import java.util.Map;

import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormActionFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import se.kundkonto.auth.FlowStepFactory;
import se.kundkonto.customer.PackVersion;
import se.kundkonto.spi.StatelessProviderFactory;

public final class LinkCustomerFormActionFactory
        implements FlowStepFactory,
                FormActionFactory,
                StatelessProviderFactory<FormAction>,
                ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto-link-customer";
    private static final LinkCustomerFormAction SINGLETON = new LinkCustomerFormAction();

    @Override
    public FormAction create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Kundkonto: link new user to verified customer";
    }

    @Override
    public String getReferenceCategory() {
        return "kundkonto-customer";
    }

    @Override
    public String getHelpText() {
        return "In the registration form, after user creation: makes the new user a member of the customer account "
                + "(Organization, alias = customer number) verified earlier in the flow, in its Admin group. "
                + "Needs 'Kundkonto: verify customer number' before the form.";
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(
                Map.of("customerAccount", "Organization (alias = customer number)", "roleOnRegistration", "Admin"));
    }
}
