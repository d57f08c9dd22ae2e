package se.kundkonto.auth.accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;

import se.kundkonto.accounts.ActiveCustomer;
import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.Membership;

/**
 * The "Byt kund" page. A few customer accounts: a plain radio list. Many: a search (company name or
 * customer number, answered by the server, so the page stays small however many accounts there are; it
 * works without JavaScript, and a small script makes it search as one types) over a short list, the
 * recently used first. The last one used is preselected.
 */
final class CustomerPicker {

    static final String TEMPLATE = "kundkonto-select-customer.ftl";
    static final String FIELD = "customerNumber";
    static final String SEARCH_FIELD = "kundkontoSearch";
    /** The search form's marker: a POST with it (and no choice) asks for a search, not a choice. */
    static final String SEARCH_MARKER = "kundkontoSearchSubmit";
    /** Up to this many accounts, all are shown and there is no search. */
    static final int PLAIN_LIST_UP_TO = 10;
    /** With a search, at most this many accounts are shown at once. */
    static final int SHOWN = 20;

    private CustomerPicker() {}

    /** Whether this POST of the picker is a search (the search form sent it without a choice). */
    static boolean isSearch(MultivaluedMap<String, String> form) {
        return form.containsKey(SEARCH_MARKER) && form.getFirst(FIELD) == null;
    }

    /** The search the person typed in this POST, or null. */
    static String search(MultivaluedMap<String, String> form) {
        return form.getFirst(SEARCH_FIELD);
    }

    static Response render(
            LoginFormsProvider form, CustomerAccounts accounts, UserModel user, String search, String error) {
        long total = accounts.membershipCount(user, null);
        boolean searchable = total > PLAIN_LIST_UP_TO;
        String query = searchable ? Membership.cleanSearch(search) : null;
        List<String> recent = ActiveCustomer.recent(user);
        List<Membership> shown = searchable ? recentFirst(accounts, user, query, recent) : accounts.membershipsOf(user);
        long matching = query == null ? total : accounts.membershipCount(user, query);

        String lastUsed = recent.isEmpty() ? "" : recent.get(0);
        form.setAttribute(
                "kundkontoCustomers", shown.stream().map(m -> choice(m, recent)).toList());
        form.setAttribute("kundkontoSelected", lastUsed);
        form.setAttribute("kundkontoSearchable", searchable);
        form.setAttribute("kundkontoSearch", query == null ? "" : query);
        form.setAttribute("kundkontoStatus", status(searchable, query, shown.size(), matching));
        form.setAttribute("kundkontoShown", shown.size());
        form.setAttribute("kundkontoMatching", matching);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    /** Up to {@link #SHOWN} accounts the search finds: the recently used ones first, then by customer number. */
    private static List<Membership> recentFirst(
            CustomerAccounts accounts, UserModel user, String query, List<String> recent) {
        List<Membership> shown = new ArrayList<>(accounts.membershipsAmong(user, recent).stream()
                .filter(m -> m.matches(query))
                .sorted(Comparator.comparingInt(m -> recent.indexOf(m.customerNumber())))
                .toList());
        for (Membership m : accounts.membershipsOf(user, query, 0, SHOWN)) {
            if (shown.size() >= SHOWN) {
                break;
            }
            if (shown.stream().noneMatch(s -> s.customerNumber().equals(m.customerNumber()))) {
                shown.add(m);
            }
        }
        return shown;
    }

    private static Map<String, Object> choice(Membership m, List<String> recent) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("number", m.customerNumber());
        choice.put("name", m.companyName());
        choice.put("admin", m.role() == CustomerRole.ADMIN);
        choice.put("recent", recent.contains(m.customerNumber()));
        return choice;
    }

    /** The message key that says what the list shows (empty for a plain list). */
    private static String status(boolean searchable, String query, int shown, long matching) {
        if (!searchable) {
            return "";
        }
        if (query == null) {
            return shown < matching ? "kundkontoPickerShowingSome" : "";
        }
        if (matching == 0) {
            return "kundkontoPickerNoMatch";
        }
        return shown < matching ? "kundkontoPickerShowingSomeMatches" : "kundkontoPickerMatches";
    }
}
