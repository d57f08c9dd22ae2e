package se.kundkonto.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The company-details rules without a server: what an Admin may change, and how hostile bodies are refused. */
class CompanyChangesTest {

    private static CompanyChanges parse(String json) {
        return CompanyChanges.parse(RequestJson.object(json, "any of the invoice fields"));
    }

    private static void refused(String json, String error) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).error()).isEqualTo(error))
                .satisfies(e -> assertThat(((InvalidInput) e).description()).isNotBlank());
    }

    @Test
    void validFieldsAreNormalisedAndOnlyTheSentOnesChange() {
        CompanyChanges changes =
                parse("{\"invoicePostalCode\": \" 12345 \", \"invoiceCity\": \"Sundsvall\", \"invoiceEmail\": \"\"}");
        assertThat(changes).isEqualTo(new CompanyChanges("", null, "123 45", "Sundsvall"));
        Map<String, List<String>> before = Map.of(
                "invoiceEmail",
                List.of("gammal@foretaget.se"),
                "invoiceStreet",
                List.of("Storgatan 1"),
                "orgNumber",
                List.of("112233-4400"));
        assertThat(changes.applyTo(before))
                .containsOnlyKeys("invoiceStreet", "invoicePostalCode", "invoiceCity", "orgNumber")
                .containsEntry("invoicePostalCode", List.of("123 45"))
                .containsEntry("invoiceStreet", List.of("Storgatan 1"));
        assertThat(parse("{\"invoiceStreet\": null}").invoiceStreet())
                .as("null clears, like an empty string")
                .isEmpty();
        assertThat(parse("{\"invoicePostalCode\": \"123 45\"}").invoicePostalCode())
                .isEqualTo("123 45");
        assertThat(parse("{\"invoiceStreet\": \"" + "x".repeat(100) + "\"}").invoiceStreet())
                .hasSize(100);
    }

    @Test
    void readOnlyAndUnknownFieldsAreRefused() {
        refused("{\"name\": \"Annat AB\"}", "read_only_field");
        refused("{\"orgNumber\": \"556012-3456\"}", "read_only_field");
        refused("{\"invoiceCity\": \"Sundsvall\", \"__proto__\": {}}", "read_only_field");
        assertThatThrownBy(() -> parse("{\"a\u0000b" + "c".repeat(100) + "\": 1}"))
                .satisfies(e -> assertThat(((InvalidInput) e).description())
                        .doesNotContain("\u0000")
                        .hasSizeLessThan(120));
    }

    @Test
    void emptyOrMissingBodiesAreRefused() {
        refused("{}", "no_changes");
        assertThatThrownBy(() -> RequestJson.object("", "x"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).error()).isEqualTo("invalid_request"));
        for (String notAnObject : new String[] {
            "null",
            "[]",
            "\"invoiceCity\"",
            "42",
            "{\"invoiceCity\": ",
            "{'invoiceCity': 'x'}",
            "{\"invoiceCity\": \"A\", \"invoiceCity\": \"B\"}"
        }) {
            assertThatThrownBy(() -> RequestJson.object(notAnObject, "x"))
                    .as(notAnObject)
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).error()).isEqualTo("invalid_request"));
        }
    }

    @Test
    void wrongTypesAreRefusedByField() {
        refused("{\"invoiceCity\": 42}", "invalid_invoiceCity");
        refused("{\"invoiceEmail\": [\"a@b.se\"]}", "invalid_invoiceEmail");
        refused("{\"invoiceStreet\": {\"line\": 1}}", "invalid_invoiceStreet");
        refused("{\"invoicePostalCode\": true}", "invalid_invoicePostalCode");
    }

    @Test
    void tooLongBadlyFormedAndControlCharactersAreRefused() {
        refused("{\"invoiceStreet\": \"" + "x".repeat(101) + "\"}", "invalid_invoiceStreet");
        refused("{\"invoiceCity\": \"" + "å".repeat(101) + "\"}", "invalid_invoiceCity");
        refused("{\"invoiceEmail\": \"faktura-at-foretaget\"}", "invalid_invoiceEmail");
        refused("{\"invoiceEmail\": \"a@b@c.se\"}", "invalid_invoiceEmail");
        refused("{\"invoicePostalCode\": \"1234\"}", "invalid_invoicePostalCode");
        refused("{\"invoicePostalCode\": \"123-45\"}", "invalid_invoicePostalCode");
        refused("{\"invoicePostalCode\": \"１２３４５\"}", "invalid_invoicePostalCode");
        refused("{\"invoiceStreet\": \"Storgatan 1\\nBcc: x@y.se\"}", "invalid_invoiceStreet");
        refused("{\"invoiceCity\": \"Sunds\\u0000vall\"}", "invalid_invoiceCity");
        refused("{\"invoiceCity\": \"Sunds\\u202Evall\"}", "invalid_invoiceCity");
        refused("{\"invoiceStreet\": \"Storgatan\\t1\"}", "invalid_invoiceStreet");
    }

    @Test
    void aBadFieldRefusesTheWholeChange() {
        refused("{\"invoiceCity\": \"Sundsvall\", \"invoicePostalCode\": \"x\"}", "invalid_invoicePostalCode");
    }

    @Test
    void theEditableFieldsAreTheRecordsComponents() {
        assertThat(java.util.Arrays.stream(CompanyChanges.class.getRecordComponents())
                        .map(c -> c.getName())
                        .toList())
                .isEqualTo(CompanyChanges.EDITABLE);
    }
}
