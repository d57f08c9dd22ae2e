package se.kundkonto.api;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.keycloak.util.JsonSerialization;

/**
 * Reads a request body with Keycloak's Jackson into a JSON tree that the request records check field by
 * field: every wrong body gets a 400 with the API's own error codes, never Jackson's or a 500.
 */
final class RequestJson {

    private static final ObjectReader READER =
            JsonSerialization.mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RequestJson() {}

    /** The body as a JSON object, or {@link InvalidInput} {@code invalid_request} (empty, malformed, or not an object). */
    static JsonNode object(String body, String expected) {
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : READER.readTree(body);
        } catch (IOException e) {
            throw new InvalidInput(
                    "invalid_request", "The body is not valid JSON; send a JSON object with " + expected + ".");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInput("invalid_request", "Send a JSON object with " + expected + ".");
        }
        return tree;
    }

    /**
     * A string field: empty when absent or JSON null; {@link InvalidInput} {@code error} when it is there
     * with another type (a number, an object…).
     */
    static Optional<String> string(JsonNode body, String field, String error, String description) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidInput(error, description);
        }
        return Optional.of(value.textValue());
    }
}
