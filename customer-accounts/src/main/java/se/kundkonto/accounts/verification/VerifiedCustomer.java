package se.kundkonto.accounts.verification;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A customer whose number and last four digits were just proven, carried through the
 * authentication session to the step that links the new user to the customer account.
 */
public record VerifiedCustomer(String customerNumber, String companyName, String orgNumber, boolean soleTrader) {

    private static final String NUMBER = "kundkonto.verified.customerNumber";
    private static final String NAME = "kundkonto.verified.companyName";
    private static final String ORG = "kundkonto.verified.orgNumber";
    private static final String SOLE_TRADER = "kundkonto.verified.soleTrader";

    public void saveTo(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(NUMBER, customerNumber);
        authSession.setAuthNote(NAME, companyName);
        authSession.setAuthNote(ORG, orgNumber);
        authSession.setAuthNote(SOLE_TRADER, String.valueOf(soleTrader));
    }

    public static Optional<VerifiedCustomer> from(AuthenticationSessionModel authSession) {
        String number = authSession.getAuthNote(NUMBER);
        if (number == null) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedCustomer(
                number,
                authSession.getAuthNote(NAME),
                authSession.getAuthNote(ORG),
                Boolean.parseBoolean(authSession.getAuthNote(SOLE_TRADER))));
    }

    public Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put(NUMBER, customerNumber);
        notes.put(NAME, companyName);
        notes.put(ORG, orgNumber);
        notes.put(SOLE_TRADER, String.valueOf(soleTrader));
        return notes;
    }

    public static Optional<VerifiedCustomer> fromNotes(Map<String, String> notes) {
        if (notes == null || notes.get(NUMBER) == null) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedCustomer(
                notes.get(NUMBER), notes.get(NAME), notes.get(ORG), Boolean.parseBoolean(notes.get(SOLE_TRADER))));
    }
}
