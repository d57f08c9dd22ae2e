package se.kundkonto.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/** A form on a login page, filled in and sent as a browser would: its own fields first, then ours. */
final class Form {

    private final String action;
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Form(String action) {
        this.action = action;
    }

    /** The form {@code selector} names on the page; fails with the page's id when it is not there. */
    static Form on(WebSession.Page page, String selector) {
        Document doc = Jsoup.parse(page.body(), page.url().toString());
        Element element = doc.selectFirst(selector);
        if (!(element instanceof FormElement form)) {
            throw new IllegalStateException(
                    "no form " + selector + " on " + pageId(doc) + " (" + page.url() + ", HTTP " + page.status() + ")");
        }
        Form result = new Form(form.absUrl("action"));
        form.formData().forEach(kv -> result.fields.put(kv.key(), kv.value()));
        return result;
    }

    /** The link {@code selector} names on the page, as an absolute URL. */
    static String link(WebSession.Page page, String selector) {
        Document doc = Jsoup.parse(page.body(), page.url().toString());
        Element a = doc.selectFirst(selector);
        if (a == null) {
            throw new IllegalStateException("no link " + selector + " on " + pageId(doc) + " (" + page.url() + ")");
        }
        return a.absUrl("href");
    }

    /** Keycloak's login pages name themselves in body[data-page-id]. */
    static String pageId(WebSession.Page page) {
        return pageId(Jsoup.parse(page.body()));
    }

    private static String pageId(Document doc) {
        Element body = doc.body();
        return body == null ? "(no page)" : body.attr("data-page-id");
    }

    Form with(String name, String value) {
        fields.put(name, value);
        return this;
    }

    WebSession.Page submit(WebSession session) {
        return session.postForm(action, fields);
    }
}
