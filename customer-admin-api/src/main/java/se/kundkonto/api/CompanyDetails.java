package se.kundkonto.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

import se.kundkonto.accounts.CustomerAccounts;

/**
 * A customer account's company details ({@code GET /customers/{number}}). Name, organisation number
 * and customer number come from the registry and are read-only; the invoice address and invoice
 * e-mail are the Admins' to keep ({@link CompanyChanges}). {@code missing}: the editable fields still empty.
 */
record CompanyDetails(
        String number,
        String name,
        String orgNumber,
        boolean soleTrader,
        String invoiceEmail,
        String invoiceStreet,
        String invoicePostalCode,
        String invoiceCity,
        List<String> missing) {

    static CompanyDetails of(KeycloakSession session, OrganizationModel org) {
        return of(org.getAlias(), org.getName(), inOrganizationContext(session, org, org::getAttributes));
    }

    /** The details from the organization's alias, name and attributes. */
    static CompanyDetails of(String number, String name, Map<String, List<String>> attributes) {
        List<String> missing = new ArrayList<>();
        for (String field : CompanyChanges.EDITABLE) {
            String value = first(attributes, field);
            if (value == null || value.isBlank()) {
                missing.add(field);
            }
        }
        return new CompanyDetails(
                number,
                name,
                first(attributes, CustomerAccounts.ATTR_ORG_NUMBER),
                Boolean.parseBoolean(first(attributes, CustomerAccounts.ATTR_SOLE_TRADER)),
                first(attributes, CompanyChanges.INVOICE_EMAIL),
                first(attributes, CompanyChanges.INVOICE_STREET),
                first(attributes, CompanyChanges.INVOICE_POSTAL_CODE),
                first(attributes, CompanyChanges.INVOICE_CITY),
                List.copyOf(missing));
    }

    /** Applies checked changes all at once (they were all validated before: a bad field changed nothing). */
    static void update(KeycloakSession session, OrganizationModel org, CompanyChanges changes) {
        inOrganizationContext(session, org, () -> {
            org.setAttributes(changes.applyTo(org.getAttributes()));
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

    private static String first(Map<String, List<String>> attributes, String attribute) {
        List<String> values = attributes == null ? null : attributes.get(attribute);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** For {@link CompanyChanges#applyTo}: a copy of the attributes that can be changed. */
    static Map<String, List<String>> mutableCopy(Map<String, List<String>> attributes) {
        return attributes == null ? new HashMap<>() : new HashMap<>(attributes);
    }
}
