package se.kundkonto.api;

/**
 * A request body that breaks the API's contract; answered with 400 and {@code error} /
 * {@code error_description} ({@link ApiError#badRequest(InvalidInput)}). A plain exception, so the
 * request records' rules can be tested without a server.
 */
public final class InvalidInput extends RuntimeException {

    private final String error;

    public InvalidInput(String error, String description) {
        super(error + ": " + description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage().substring(error.length() + 2);
    }
}
