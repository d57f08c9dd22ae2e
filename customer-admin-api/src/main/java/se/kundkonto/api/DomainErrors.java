package se.kundkonto.api;

import org.keycloak.services.ErrorResponseException;

import se.kundkonto.accounts.LastAdminException;
import se.kundkonto.accounts.ManagedMemberException;
import se.kundkonto.accounts.NotAdminException;

/** The one place where the customer-account rules' refusals become HTTP answers. */
final class DomainErrors {

    private DomainErrors() {}

    static ErrorResponseException of(Exception refusal) {
        if (refusal instanceof LastAdminException) {
            return ApiError.conflict(
                    "last_admin",
                    "A customer account must keep at least one Admin: " + "make someone else Admin first.");
        }
        if (refusal instanceof ManagedMemberException) {
            return ApiError.conflict(
                    "managed_member",
                    "This person came in through the company's identity provider; "
                            + "a realm administrator removes them.");
        }
        if (refusal instanceof NotAdminException) {
            return ApiError.forbidden("not_admin", "Only an Admin of the customer account may change it.");
        }
        throw new IllegalArgumentException("Not a customer-account refusal: " + refusal, refusal);
    }
}
