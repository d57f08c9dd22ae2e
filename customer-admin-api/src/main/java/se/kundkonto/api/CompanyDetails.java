package se.kundkonto.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.keycloak.models.KeycloakSession;

import org.keycloak.models.OrganizationModel;

import se.kundkonto.accounts.CustomerAccounts;

/**
 * A customer account's company details. Name, organisation number and customer number come from the
 * registry and are read-only; the invoice address and invoice e-mail are the Admins' to keep.
 */
final class CompanyDetails {

    static final String INVOICE_EMAIL = "invoiceEmail";
    static final String INVOICE_STREET = "invoiceStreet";
    static final String INVOICE_POSTAL_CODE = "invoicePostalCode";
    static final String INVOICE_CITY = "invoiceCity";
    static final List<String> EDITABLE = List.of(INVOICE_EMAIL, INVOICE_STREET, INVOICE_POSTAL_CODE, INVOICE_CITY);

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^(\\d{3}) ?(\\d{2})$");

    private CompanyDetails() {
    }

    static Map<String, Object> of(KeycloakSession session, OrganizationModel org) {
        Map<String, List<String>> attributes = inOrganizationContext(session, org, org::getAttributes);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", org.getAlias());
        details.put("name", org.getName());
        details.put("orgNumber", first(attributes, CustomerAccounts.ATTR_ORG_NUMBER));
        details.put("soleTrader", Boolean.parseBoolean(first(attributes, CustomerAccounts.ATTR_SOLE_TRADER)));
        List<String> missing = new ArrayList<>();
        for (String field : EDITABLE) {
            String value = first(attributes, field);
            details.put(field, value);
            if (value == null || value.isBlank()) {
                missing.add(field);
            }
        }
        details.put("missing", missing);
        return details;
    }

    /** Validates every change first, then applies them all: a bad field changes nothing. */
    static void update(KeycloakSession session, OrganizationModel org, Map<String, Object> changes) {
        if (changes == null || changes.isEmpty()) {
            throw ApiError.badRequest("no_changes", "Send at least one of " + EDITABLE + ".");
        }
        Map<String, String> normalised = new HashMap<>();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String field = change.getKey();
            if (!EDITABLE.contains(field)) {
                throw ApiError.badRequest("read_only_field", "'" + field + "' cannot be changed; editable: " + EDITABLE + ".");
            }
            if (change.getValue() != null && !(change.getValue() instanceof String)) {
                throw ApiError.badRequest("invalid_" + field, "'" + field + "' must be a string.");
            }
            normalised.put(field, validate(field, change.getValue() == null ? "" : ((String) change.getValue()).strip()));
        }
        inOrganizationContext(session, org, () -> {
            Map<String, List<String>> attributes = new HashMap<>(org.getAttributes());
            normalised.forEach((field, value) -> {
                if (value.isEmpty()) {
                    attributes.remove(field);
                } else {
                    attributes.put(field, new ArrayList<>(List.of(value)));
                }
            });
            org.setAttributes(attributes);
            return null;
        });
    }

    /** Keycloak keeps an organization's attributes on its internal group, visible only in that organization's context. */
    private static <T> T inOrganizationContext(KeycloakSession session, OrganizationModel org, Supplier<T> work) {
        OrganizationModel previous = session.getContext().getOrganization();
        session.getContext().setOrganization(org);
        try {
            return work.get();
        } finally {
            session.getContext().setOrganization(previous);
        }
    }

    private static String validate(String field, String value) {
        if (value.isEmpty()) {
            return value;
        }
        if (value.length() > 100) {
            throw ApiError.badRequest("invalid_" + field, "'" + field + "' may be at most 100 characters.");
        }
        return switch (field) {
            case INVOICE_EMAIL -> {
                if (!EMAIL.matcher(value).matches()) {
                    throw ApiError.badRequest("invalid_" + field, "'" + field + "' is not an e-mail address.");
                }
                yield value;
            }
            case INVOICE_POSTAL_CODE -> {
                var m = POSTAL_CODE.matcher(value);
                if (!m.matches()) {
                    throw ApiError.badRequest("invalid_" + field, "'" + field + "' must be a Swedish postal code, e.g. 123 45.");
                }
                yield m.group(1) + " " + m.group(2);
            }
            default -> value;
        };
    }

    private static String first(Map<String, List<String>> attributes, String attribute) {
        List<String> values = attributes.get(attribute);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
