package se.kundkonto.accounts;

/**
 * The member came in through an identity provider linked to the organization (a managed member):
 * Keycloak would delete their whole account on removal, so the pack does not remove them.
 */
public final class ManagedMemberException extends Exception {

    public ManagedMemberException() {
        super(
                "A managed member of the organization is removed by a realm admin, not through the customer account",
                null,
                false,
                false);
    }
}
