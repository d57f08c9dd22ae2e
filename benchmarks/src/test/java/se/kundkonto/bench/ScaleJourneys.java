package se.kundkonto.bench;

import java.io.IOException;
import java.util.List;

import org.keycloak.testframework.mail.MailServer;
import org.keycloak.util.JsonSerialization;

import se.kundkonto.bench.Journeys.Person;
import se.kundkonto.bench.Journeys.Tokens;

/**
 * The scale section's journeys: the same requests as {@link Journeys}, split into the steps issue 12
 * sets goals for, each timed on its own, and the pages weighed. Each checks where it got, like Journeys.
 */
final class ScaleJourneys {

    static final String LOGIN_PAGE = "login page (GET)";
    static final String LOGIN_POST = "login POST (password → picker)";
    static final String PICK = "choosing a customer in the picker";
    static final String EXCHANGE = "code exchange";
    static final String REFRESH = "refresh";
    static final String USERINFO = "userinfo";
    static final String SWITCH = "\"Byt kund\" page (kc_action=kundkonto-switch-customer)";
    static final String PICKER = "picker after the password";
    static final String MEMBERS = "GET /kundkonto/customers/{number}/members";
    static final String JOIN_POST = "join: registration form POST (admission)";
    static final String JOIN = "join: the whole registration";

    private static final String PICKER_PAGE = "login-kundkonto-select-customer";

    private ScaleJourneys() {}

    /** E-mail and password, the picker when there is one (choosing the person's own registry customer), code exchange. */
    static Tokens login(Side side, WebSession web, Person person, Steps steps) {
        Lap lap = new Lap(web, steps);
        WebSession.Page login = web.follow(web.get(side.authUrl("")), Side.CALLBACK);
        lap.of(LOGIN_PAGE);
        steps.page(LOGIN_PAGE, login.body());
        WebSession.Page page = web.follow(
                Form.on(login, "#kc-form-login")
                        .with("username", person.email())
                        .with("password", person.password())
                        .submit(web),
                Side.CALLBACK);
        lap.of(LOGIN_POST);
        if (!page.isRedirect() && PICKER_PAGE.equals(Form.pageId(page))) {
            steps.page(PICKER, page.body());
            page = web.follow(
                    Form.on(page, "#kundkonto-select-customer-form")
                            .with("customerNumber", person.customerNumber())
                            .submit(web),
                    Side.CALLBACK);
            lap.of(PICK);
        }
        Tokens tokens = Journeys.exchangeCode(side, web, page);
        lap.of(EXCHANGE);
        return tokens;
    }

    /** The portal's "Byt kund" link in the signed-in session: the picker as a required action. Left unanswered. */
    static void switchPage(Side side, WebSession web, Steps steps) {
        Lap lap = new Lap(web, steps);
        WebSession.Page page = web.follow(web.get(side.authUrl("&kc_action=kundkonto-switch-customer")), Side.CALLBACK);
        lap.of(SWITCH);
        if (page.isRedirect() || !PICKER_PAGE.equals(Form.pageId(page))) {
            throw new IllegalStateException(side + ": Byt kund ended on " + Form.pageId(page) + " at " + page.url());
        }
        steps.page(SWITCH, page.body());
    }

    /** A refresh, then userinfo with the new access token; returns the new tokens. */
    static Tokens refreshAndUserinfo(Side side, WebSession web, Tokens tokens, Steps steps) {
        Lap lap = new Lap(web, steps);
        Tokens fresh = Journeys.refresh(side, web, tokens);
        lap.of(REFRESH);
        Journeys.userinfo(side, web, fresh);
        lap.of(USERINFO);
        return fresh;
    }

    /** The members endpoint's page when no {@code max} is given ("Administrera användare" asks for less). */
    private static final int MEMBERS_PAGE = 100;

    /**
     * An Admin reads the account's members as the API answers by default, one page; fails unless that
     * page is full (at least {@code atLeast} members, or the page's size).
     */
    static void members(Side side, WebSession web, Tokens tokens, String number, int atLeast, Steps steps) {
        Lap lap = new Lap(web, steps);
        WebSession.Page reply =
                web.getWithBearer(side.realmUrl() + "/kundkonto/customers/" + number + "/members", tokens.access());
        lap.of(MEMBERS);
        if (reply.status() != 200 || count(reply.body()) < Math.min(atLeast, MEMBERS_PAGE)) {
            throw new IllegalStateException(
                    side + ": members of " + number + " answered " + reply.status() + " with fewer than " + atLeast);
        }
    }

    /**
     * One more person registers into the account. The admission (membership, role group, the Admins to
     * tell) happens in the registration form's POST, the last POST to the registration endpoint (the
     * verification page posts there before it); the rest of the journey costs the same at any size.
     */
    static void join(Side side, Person person, MailServer mail, Steps steps) {
        WebSession web = WebSession.recording();
        Lap lap = new Lap(web, steps);
        Journeys.register(side, web, person, mail);
        lap.of(JOIN);
        List<WebSession.Request> posts = web.log().stream()
                .filter(r -> "POST".equals(r.method()) && r.path().endsWith("/login-actions/registration"))
                .toList();
        if (posts.size() < 2) {
            throw new IllegalStateException(
                    side + ": expected the verification and the registration form POSTs, got " + posts);
        }
        steps.time(JOIN_POST, posts.get(posts.size() - 1).nanos(), 1);
    }

    private static int count(String json) {
        try {
            return JsonSerialization.readValue(json, List.class).size();
        } catch (IOException e) {
            throw new IllegalStateException("not a JSON list: " + json, e);
        }
    }
}
