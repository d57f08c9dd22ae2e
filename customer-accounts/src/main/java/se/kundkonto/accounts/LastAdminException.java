package se.kundkonto.accounts;

/**
 * The change would leave a customer account without an Admin: nobody could then add users, change
 * roles or approve those waiting. Every entry point maps it the same way (the REST API: 409 last_admin).
 */
public final class LastAdminException extends Exception {

    public LastAdminException() {
        super("A customer account must keep at least one Admin", null, false, false);
    }
}
