package se.kundkonto.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.keycloak.services.ErrorResponseException;

/** JSON errors ({@link ErrorBody}: {@code error}, {@code error_description}) with the right status. */
public final class ApiError {

    private ApiError() {}

    public static ErrorResponseException unauthorized() {
        return of(Status.UNAUTHORIZED, "unauthorized", "A valid bearer token is required.");
    }

    public static ErrorResponseException forbidden(String error, String description) {
        return of(Status.FORBIDDEN, error, description);
    }

    static ErrorResponseException notFound(String error, String description) {
        return of(Status.NOT_FOUND, error, description);
    }

    static ErrorResponseException conflict(String error, String description) {
        return of(Status.CONFLICT, error, description);
    }

    public static ErrorResponseException unavailable(String error, String description) {
        return of(Status.SERVICE_UNAVAILABLE, error, description);
    }

    static ErrorResponseException tooManyRequests(String error, String description) {
        return of(Status.TOO_MANY_REQUESTS, error, description);
    }

    public static ErrorResponseException badRequest(String error, String description) {
        return of(Status.BAD_REQUEST, error, description);
    }

    /** A request body that {@link RequestJson} or a request record refused. */
    public static ErrorResponseException badRequest(InvalidInput refusal) {
        return badRequest(refusal.error(), refusal.description());
    }

    private static ErrorResponseException of(Status status, String error, String description) {
        // ErrorResponseException marks the transaction rollback-only when its response is taken, as before.
        return new ErrorResponseException(Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, description))
                .build());
    }
}
