package se.kundkonto.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of "update the company details" ({@code PUT /customers/{number}}): any of the invoice
 * fields. A component is null when the field was not sent (unchanged), empty when it is to be cleared
 * (sent as {@code ""} or {@code null}), otherwise the checked and normalised value.
 */
record CompanyChanges(String invoiceEmail, String invoiceStreet, String invoicePostalCode, String invoiceCity) {

    static final String INVOICE_EMAIL = "invoiceEmail";
    static final String INVOICE_STREET = "invoiceStreet";
    static final String INVOICE_POSTAL_CODE = "invoicePostalCode";
    static final String INVOICE_CITY = "invoiceCity";
    static final List<String> EDITABLE = List.of(INVOICE_EMAIL, INVOICE_STREET, INVOICE_POSTAL_CODE, INVOICE_CITY);
    static final int MAX_LENGTH = 100;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^(\\d{3}) ?(\\d{2})$");

    /** Checks every field of the body first: a bad or unknown field refuses the whole change. */
    static CompanyChanges parse(JsonNode body) {
        if (body.isEmpty()) {
            throw new InvalidInput("no_changes", "Send at least one of " + EDITABLE + ".");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> change = fields.next();
            String field = change.getKey();
            if (!EDITABLE.contains(field)) {
                throw new InvalidInput(
                        "read_only_field", "'" + shown(field) + "' cannot be changed; editable: " + EDITABLE + ".");
            }
            String value = RequestJson.string(body, field, "invalid_" + field, "'" + field + "' must be a string.")
                    .orElse("");
            values.put(field, validate(field, value.strip()));
        }
        return new CompanyChanges(
                values.get(INVOICE_EMAIL),
                values.get(INVOICE_STREET),
                values.get(INVOICE_POSTAL_CODE),
                values.get(INVOICE_CITY));
    }

    /** The attributes with these changes: cleared fields removed, the others set; fields not sent kept. */
    Map<String, List<String>> applyTo(Map<String, List<String>> attributes) {
        Map<String, List<String>> changed = CompanyDetails.mutableCopy(attributes);
        asMap().forEach((field, value) -> {
            if (value.isEmpty()) {
                changed.remove(field);
            } else {
                changed.put(field, new ArrayList<>(List.of(value)));
            }
        });
        return changed;
    }

    /** The fields sent, by name. */
    Map<String, String> asMap() {
        Map<String, String> sent = new LinkedHashMap<>();
        String[] values = {invoiceEmail, invoiceStreet, invoicePostalCode, invoiceCity};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                sent.put(EDITABLE.get(i), values[i]);
            }
        }
        return sent;
    }

    private static String validate(String field, String value) {
        if (value.isEmpty()) {
            return value;
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInput("invalid_" + field, "'" + field + "' may be at most " + MAX_LENGTH + " characters.");
        }
        if (value.codePoints().anyMatch(CompanyChanges::isControl)) {
            throw new InvalidInput(
                    "invalid_" + field, "'" + field + "' must not contain control characters or line breaks.");
        }
        return switch (field) {
            case INVOICE_EMAIL -> {
                if (!EMAIL.matcher(value).matches()) {
                    throw new InvalidInput("invalid_" + field, "'" + field + "' is not an e-mail address.");
                }
                yield value;
            }
            case INVOICE_POSTAL_CODE -> {
                Matcher m = POSTAL_CODE.matcher(value);
                if (!m.matches()) {
                    throw new InvalidInput(
                            "invalid_" + field, "'" + field + "' must be a Swedish postal code, e.g. 123 45.");
                }
                yield m.group(1) + " " + m.group(2);
            }
            default -> value;
        };
    }

    /** C0/C1 controls (line breaks, tabs, NUL) and the invisible format characters (zero-width, bidi overrides). */
    private static boolean isControl(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }

    /** An unknown field's name as echoed in the error: without control characters, cut short. */
    private static String shown(String field) {
        String cleaned = field.codePoints()
                .filter(c -> !isControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
    }
}
