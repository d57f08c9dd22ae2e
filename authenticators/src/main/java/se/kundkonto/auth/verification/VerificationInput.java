package se.kundkonto.auth.verification;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/** What was typed on the verification page, wherever the page is used (registration, "Lägg till kundkonto"). */
public record VerificationInput(String number, String digits) {

    public static VerificationInput from(MultivaluedMap<String, String> form) {
        return new VerificationInput(
                form.getFirst(VerifyCustomerAuthenticator.FIELD_NUMBER),
                form.getFirst(VerifyCustomerAuthenticator.FIELD_DIGITS));
    }

    /** The page again, with the typed number kept (never the digits: a secret, like a password). */
    public LoginFormsProvider keepNumberOn(LoginFormsProvider page) {
        return page.setAttribute(VerifyCustomerAuthenticator.FIELD_NUMBER, number == null ? "" : number);
    }

    /** Field errors for what is missing; true when something is. Missing input is no guess and is not counted. */
    public boolean reportMissing(LoginFormsProvider page) {
        boolean missing = false;
        if (number == null || number.isBlank()) {
            page.addError(new FormMessage(VerifyCustomerAuthenticator.FIELD_NUMBER, "kundkontoCustomerNumberMissing"));
            missing = true;
        }
        if (digits == null || digits.isBlank()) {
            page.addError(new FormMessage(VerifyCustomerAuthenticator.FIELD_DIGITS, "kundkontoOrgDigitsMissing"));
            missing = true;
        }
        return missing;
    }
}
