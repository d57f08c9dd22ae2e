package se.kundkonto.accounts;

/**
 * The person asking is not (or, once their turn came, no longer) an Admin of the customer account:
 * checked again under the account's lock, because another Admin may have demoted them in the meantime.
 */
public final class NotAdminException extends Exception {

    public NotAdminException() {
        super("Only an Admin of the customer account may do that", null, false, false);
    }
}
