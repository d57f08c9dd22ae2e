package se.kundkonto.auth.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.Membership;

/** The "Byt kund" page: the user's customer accounts, the default one preselected. */
final class CustomerPicker {

    static final String TEMPLATE = "kundkonto-select-customer.ftl";
    static final String FIELD = "customerNumber";

    private CustomerPicker() {
    }

    static Response render(LoginFormsProvider form, List<Membership> memberships, Optional<Membership> preselected, String error) {
        form.setAttribute("kundkontoCustomers", memberships.stream()
                .map(m -> Map.of("number", m.customerNumber(), "name", m.companyName(), "admin", m.role() == CustomerRole.ADMIN))
                .toList());
        form.setAttribute("kundkontoSelected", preselected.map(Membership::customerNumber).orElse(""));
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }
}
