package se.kundkonto.api;

import jakarta.ws.rs.core.Response.Status;

import org.keycloak.services.ErrorResponseException;

/** JSON errors ({@code error}, {@code error_description}) with the right status. */
final class ApiError {

    private ApiError() {
    }

    static ErrorResponseException unauthorized() {
        return new ErrorResponseException("unauthorized", "A valid bearer token is required.", Status.UNAUTHORIZED);
    }

    static ErrorResponseException forbidden(String error, String description) {
        return new ErrorResponseException(error, description, Status.FORBIDDEN);
    }

    static ErrorResponseException notFound(String error, String description) {
        return new ErrorResponseException(error, description, Status.NOT_FOUND);
    }

    static ErrorResponseException conflict(String error, String description) {
        return new ErrorResponseException(error, description, Status.CONFLICT);
    }

    static ErrorResponseException unavailable(String error, String description) {
        return new ErrorResponseException(error, description, Status.SERVICE_UNAVAILABLE);
    }

    static ErrorResponseException tooManyRequests(String error, String description) {
        return new ErrorResponseException(error, description, Status.TOO_MANY_REQUESTS);
    }

    static ErrorResponseException badRequest(String error, String description) {
        return new ErrorResponseException(error, description, Status.BAD_REQUEST);
    }
}
