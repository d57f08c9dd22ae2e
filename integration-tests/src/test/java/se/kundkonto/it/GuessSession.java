package se.kundkonto.it;

import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.keycloak.testframework.oauth.OAuthClient;

/**
 * One visitor's own browser tab over plain HTTP ({@link PlainHttp}: its own cookies, no JavaScript), as
 * an attacker scripts the verification page, the login form and "Lägg till kundkonto".
 */
final class GuessSession {

    /** Where the test client's login ends (the framework's OAuth callback): not followed. */
    private static final String CALLBACK = "http://127.0.0.1:8500";

    private final PlainHttp http = new PlainHttp();
    private PlainHttp.Page page;

    /** The registration flow's verification page, in Swedish. */
    static GuessSession atVerificationPage(OAuthClient oauth) {
        GuessSession s = atLoginForm(oauth);
        s.get(s.page.link("login-actions/registration"));
        return s;
    }

    /** The login form, in Swedish. */
    static GuessSession atLoginForm(OAuthClient oauth) {
        GuessSession s = new GuessSession();
        s.get(oauth.loginForm().uiLocales("sv").build());
        return s;
    }

    /** Logged in as the user with "Lägg till kundkonto" ({@code kc_action}) asked for: its verification page. */
    static GuessSession atAddCustomer(OAuthClient oauth, String email, String password) {
        GuessSession s = new GuessSession();
        s.get(oauth.loginForm()
                .uiLocales("sv")
                .kcAction("kundkonto-add-customer")
                .build());
        s.post("kc-form-login", Map.of("username", email, "password", password));
        return s;
    }

    /** One post of the verification page: customer number and digits. */
    GuessSession guess(String customerNumber, String digits) {
        return post("kundkonto-verify-form", Map.of("customerNumber", customerNumber, "orgDigits", digits));
    }

    /** The old company login typed into the login form. */
    GuessSession login(String username, String password) {
        return post("kc-form-login", Map.of("username", username, "password", password));
    }

    String pageId() {
        return page.pageId();
    }

    Optional<String> feedback() {
        Element feedback = page.doc().selectFirst("[class*=kc-feedback-text], [id*=kc-feedback-text]");
        return Optional.ofNullable(feedback).map(Element::text).map(String::strip);
    }

    private GuessSession post(String formId, Map<String, String> fields) {
        PlainHttp.Form form = page.form("#" + formId);
        fields.forEach(form::with);
        page = checked(http.follow(form.submit(http), CALLBACK));
        return this;
    }

    private void get(String url) {
        page = checked(http.follow(http.get(url), CALLBACK));
    }

    private static PlainHttp.Page checked(PlainHttp.Page page) {
        if (page.status() >= 500) {
            throw new AssertionError("server error " + page.status() + ": " + page.body());
        }
        return page;
    }
}
