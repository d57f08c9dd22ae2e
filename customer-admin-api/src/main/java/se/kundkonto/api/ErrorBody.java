package se.kundkonto.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Every error answer of the API: {@code {"error": "...", "error_description": "..."}} (OAuth 2.0's shape). */
record ErrorBody(
        String error, @JsonProperty("error_description") String errorDescription) {}
