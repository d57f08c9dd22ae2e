package se.kundkonto.auth.registration;

import java.util.List;
import java.util.Map;

import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

import se.kundkonto.auth.organization.Admission;
import se.kundkonto.auth.organization.CustomerAccounts;
import se.kundkonto.auth.organization.CustomerRole;
import se.kundkonto.auth.verification.VerifiedCustomer;
import se.kundkonto.auth.verification.VerifyCustomerAuthenticator;

/**
 * Runs in the registration form after the user is created: joins them to the verified customer's
 * account (created from registry data on first use) under the realm's join policy (by default the
 * portal's rule: everyone who registers with the customer number is Admin). Refuses the form if no
 * customer was verified.
 */
public final class LinkCustomerFormAction implements FormAction {

    public static final String ATTR_VERIFIED_CUSTOMER = "kundkontoCustomer";
    public static final String EVENT_DETAIL_ROLE = "kundkonto_role";

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        VerifiedCustomer.from(context.getAuthenticationSession())
                .ifPresent(customer -> form.setAttribute(ATTR_VERIFIED_CUSTOMER,
                        Map.of("companyName", customer.companyName(), "customerNumber", customer.customerNumber())));
    }

    @Override
    public void validate(ValidationContext context) {
        if (VerifiedCustomer.from(context.getAuthenticationSession()).isEmpty()) {
            context.error("kundkonto_customer_not_verified");
            context.validationError(context.getHttpRequest().getDecodedFormParameters(),
                    List.of(new FormMessage(null, "kundkontoCustomerNotVerified")));
            return;
        }
        context.success();
    }

    @Override
    public void success(FormContext context) {
        VerifiedCustomer customer = VerifiedCustomer.from(context.getAuthenticationSession()).orElseThrow();
        UserModel user = context.getUser();
        OrganizationModel org = new CustomerAccounts(context.getSession()).ensure(customer);
        CustomerRole role = new Admission(context.getSession(), context.getRealm()).admit(org, user);
        context.getEvent()
                .detail(VerifyCustomerAuthenticator.EVENT_DETAIL_CUSTOMER, customer.customerNumber())
                .detail(EVENT_DETAIL_ROLE, role.groupName());
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
