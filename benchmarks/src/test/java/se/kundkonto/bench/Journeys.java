package se.kundkonto.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.testframework.mail.MailServer;
import org.keycloak.util.JsonSerialization;

import se.kundkonto.it.Mails;

/**
 * What a person and the portal do, over plain HTTP, on either side. Each journey checks that it got
 * where it was going (a code, a token, a 200) and throws otherwise: a benchmark of a broken flow
 * measures nothing.
 */
final class Journeys {

    record Person(String email, String password, String customerNumber, String orgDigits) {}

    record Tokens(String access, String refresh) {
        Map<String, Object> accessClaims() {
            String payload = access.split("\\.")[1];
            return json(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        }
    }

    private Journeys() {}

    /**
     * "Registrera konto med E-post": the pack verifies the customer first and offers TOTP after (skipped
     * here). Both sides confirm the e-mail address (the realm's verifyEmail) by opening the e-mailed link
     * in the same session, then choose the password; reading the mail is not on the wire, opening the link is.
     */
    static Tokens register(Side side, WebSession web, Person person, MailServer mail) {
        WebSession.Page login = web.follow(web.get(side.authUrl("")), Side.CALLBACK);
        WebSession.Page page = web.follow(web.get(Form.link(login, "#kc-registration a")), Side.CALLBACK);
        if (side.pack()) {
            page = web.follow(
                    Form.on(page, "#kundkonto-verify-form")
                            .with("customerNumber", person.customerNumber())
                            .with("orgDigits", person.orgDigits())
                            .submit(web),
                    Side.CALLBACK);
        }
        // With e-mail verification on, Keycloak asks for the password only after the address is confirmed.
        Form form = Form.on(page, "#kc-register-form")
                .with("firstName", "Bänk")
                .with("lastName", "Märk")
                .with("email", person.email());
        if (side.pack()) {
            form.with("phoneNumber", "070-123 45 67");
        }
        page = web.follow(form.submit(web), Side.CALLBACK);
        if (!"login-login-verify-email".equals(Form.pageId(page))) {
            throw new IllegalStateException(
                    side + ": registration ended on " + Form.pageId(page) + ", not the e-mail verification page");
        }
        page = web.follow(web.get(Mails.verificationLink(mail, person.email())), Side.CALLBACK);
        page = web.follow(
                Form.on(page, "#kc-passwd-update-form")
                        .with("password-new", person.password())
                        .with("password-confirm", person.password())
                        .submit(web),
                Side.CALLBACK);
        if (side.pack()) {
            page = web.follow(
                    Form.on(page, "#kc-totp-settings-form")
                            .with("kundkontoSkip", "")
                            .submit(web),
                    Side.CALLBACK);
        }
        return exchangeCode(side, web, page);
    }

    /** E-mail and password; the pack adds its customer picker when the person has several accounts (preselected: the last used). */
    static Tokens login(Side side, WebSession web, Person person) {
        WebSession.Page login = web.follow(web.get(side.authUrl("")), Side.CALLBACK);
        WebSession.Page page = web.follow(
                Form.on(login, "#kc-form-login")
                        .with("username", person.email())
                        .with("password", person.password())
                        .submit(web),
                Side.CALLBACK);
        if (!page.isRedirect() && "login-kundkonto-select-customer".equals(Form.pageId(page))) {
            page = web.follow(Form.on(page, "#kundkonto-select-customer-form").submit(web), Side.CALLBACK);
        }
        return exchangeCode(side, web, page);
    }

    /**
     * The old shared company login typed into the login form: the pack leads into registration with the
     * customer verified (never a session); stock Keycloak knows no such user and shows the login error.
     */
    static void oldCompanyLogin(Side side, WebSession web, String customerNumber, String orgDigits) {
        WebSession.Page login = web.follow(web.get(side.authUrl("")), Side.CALLBACK);
        WebSession.Page page = web.follow(
                Form.on(login, "#kc-form-login")
                        .with("username", customerNumber)
                        .with("password", orgDigits)
                        .submit(web),
                Side.CALLBACK);
        String expected = side.pack() ? "login-register" : "login-login";
        if (!expected.equals(Form.pageId(page))) {
            throw new IllegalStateException(
                    side + ": the old company login ended on " + Form.pageId(page) + ", not " + expected);
        }
    }

    /**
     * A wrong guess at the old company login; only the guess itself is timed by the caller, the login
     * page before it is not. Returns the nanoseconds the guess spent on the wire.
     */
    static long wrongGuess(Side side, WebSession web, String customerNumber, String orgDigits) {
        WebSession.Page login = web.follow(web.get(side.authUrl("")), Side.CALLBACK);
        Form form = Form.on(login, "#kc-form-login")
                .with("username", customerNumber)
                .with("password", orgDigits);
        long before = web.nanosOnTheWire();
        WebSession.Page page = form.submit(web);
        long nanos = web.nanosOnTheWire() - before;
        if (page.isRedirect() || !"login-login".equals(Form.pageId(page))) {
            throw new IllegalStateException(
                    side + ": a wrong guess for " + customerNumber + " did not end on the login page");
        }
        if (page.body().contains("För många försök")) {
            throw new IllegalStateException(side + ": the throttle locked; the parity realm should keep it open");
        }
        return nanos;
    }

    /** A wrong guess takes one request (and whatever redirects stay in the server): only that is timed. */
    private static long timed(
            WebSession web,
            java.util.function.Supplier<WebSession.Page> request,
            java.util.function.Predicate<WebSession.Page> expected,
            String what) {
        long before = web.nanosOnTheWire();
        WebSession.Page page = web.follow(request.get(), Side.CALLBACK);
        long nanos = web.nanosOnTheWire() - before;
        if (!expected.test(page)) {
            throw new IllegalStateException(
                    what + " answered HTTP " + page.status() + " on " + Form.pageId(page) + " at " + page.url());
        }
        return nanos;
    }

    /** True when the answer is the throttle's lock: the measurement would time the lock, not the check. */
    static boolean locked(WebSession.Page page) {
        return page.body() != null && page.body().contains("För många försök");
    }

    /** The password grant with a customer number as username; every answer is a refusal (400 or 401). */
    static long passwordGrant(Side side, WebSession web, String clientId, String customerNumber) {
        return timed(
                web,
                () -> web.postForm(
                        side.tokenUrl(),
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                clientId,
                                "username",
                                customerNumber,
                                "password",
                                "4400")),
                p -> p.status() == 400 || p.status() == 401,
                side + ": password grant on " + clientId);
    }

    /** "Glömt lösen?" with a customer number as username: only the POST of the reset form is timed. */
    static long resetCredentials(Side side, WebSession web, String customerNumber) {
        WebSession.Page login = web.follow(web.get(side.authUrl("")), Side.CALLBACK);
        WebSession.Page reset = web.follow(web.get(Form.link(login, "a[href*=reset-credentials]")), Side.CALLBACK);
        Form form = Form.on(reset, "#kc-reset-password-form").with("username", customerNumber);
        return timed(web, () -> form.submit(web), p -> p.status() == 200, side + ": reset credentials");
    }

    /** A wrong guess on the verification page (registration): only the POST is timed. */
    static long verificationGuess(Side side, WebSession web, String customerNumber) {
        return verification(
                side,
                web,
                customerNumber,
                "1111",
                p -> "login-kundkonto-verify-customer".equals(Form.pageId(p)) && !locked(p));
    }

    /** The verification page (registration) answered right: only the POST is timed; it shows the registration form. */
    static long verified(Side side, WebSession web, String customerNumber, String orgDigits) {
        return verification(side, web, customerNumber, orgDigits, p -> "login-register".equals(Form.pageId(p)));
    }

    private static long verification(
            Side side,
            WebSession web,
            String customerNumber,
            String orgDigits,
            java.util.function.Predicate<WebSession.Page> expected) {
        WebSession.Page login = web.follow(web.get(side.authUrl("")), Side.CALLBACK);
        WebSession.Page verify = web.follow(web.get(Form.link(login, "#kc-registration a")), Side.CALLBACK);
        Form form = Form.on(verify, "#kundkonto-verify-form")
                .with("customerNumber", customerNumber)
                .with("orgDigits", orgDigits);
        return timed(web, () -> form.submit(web), expected, side + ": verification page for " + customerNumber);
    }

    /**
     * A wrong guess in "Lägg till kundkonto", in the signed-in {@code web}: only the POST is timed.
     * -1 when the action's throttle is locked (its limits are not opened by the parity realm).
     */
    static long addCustomerGuess(Side side, WebSession web, String customerNumber) {
        WebSession.Page page = web.follow(web.get(side.authUrl("&kc_action=kundkonto-add-customer")), Side.CALLBACK);
        Form form = Form.on(page, "#kundkonto-verify-form")
                .with("customerNumber", customerNumber)
                .with("orgDigits", "1111");
        long before = web.nanosOnTheWire();
        WebSession.Page answer = web.follow(form.submit(web), Side.CALLBACK);
        long nanos = web.nanosOnTheWire() - before;
        if (!"login-kundkonto-verify-customer".equals(Form.pageId(answer))) {
            throw new IllegalStateException(side + ": Lägg till kundkonto answered " + Form.pageId(answer));
        }
        return locked(answer) ? -1 : nanos;
    }

    /** "Lägg till kundkonto" in an existing session (set-up only, not measured). */
    static Tokens addCustomer(Side side, WebSession web, String customerNumber, String orgDigits) {
        WebSession.Page page = web.follow(web.get(side.authUrl("&kc_action=kundkonto-add-customer")), Side.CALLBACK);
        page = web.follow(
                Form.on(page, "#kundkonto-verify-form")
                        .with("customerNumber", customerNumber)
                        .with("orgDigits", orgDigits)
                        .submit(web),
                Side.CALLBACK);
        return exchangeCode(side, web, page);
    }

    static Tokens refresh(Side side, WebSession web, Tokens tokens) {
        return tokens(web.postForm(
                side.tokenUrl(),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        tokens.refresh(),
                        "client_id",
                        Side.CLIENT_ID,
                        "client_secret",
                        Side.CLIENT_SECRET)));
    }

    static Map<String, Object> userinfo(Side side, WebSession web, Tokens tokens) {
        return ok(web.getWithBearer(side.userinfoUrl(), tokens.access()));
    }

    /** The portal's "my customer accounts"; stock Keycloak's nearest call is the account REST profile. */
    static String accountsApi(Side side, WebSession web, Tokens tokens) {
        String url = side.pack() ? side.realmUrl() + "/kundkonto/customers" : side.realmUrl() + "/account/";
        WebSession.Page page = web.getWithBearer(url, tokens.access());
        if (page.status() != 200) {
            throw new IllegalStateException(side + ": " + url + " answered " + page.status() + ": " + page.body());
        }
        return page.body();
    }

    static Tokens exchangeCode(Side side, WebSession web, WebSession.Page page) {
        if (!page.isRedirect() || !page.location().startsWith(Side.CALLBACK)) {
            throw new IllegalStateException(side + ": expected the way back to the portal, got HTTP " + page.status()
                    + " on " + Form.pageId(page) + " at " + page.url());
        }
        String code = queryParameter(URI.create(page.location()), "code");
        return tokens(web.postForm(
                side.tokenUrl(),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        Side.CALLBACK,
                        "client_id",
                        Side.CLIENT_ID,
                        "client_secret",
                        Side.CLIENT_SECRET)));
    }

    private static Tokens tokens(WebSession.Page reply) {
        Map<String, Object> json = ok(reply);
        return new Tokens((String) json.get("access_token"), (String) json.get("refresh_token"));
    }

    private static Map<String, Object> ok(WebSession.Page reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException(reply.url() + " answered " + reply.status() + ": " + reply.body());
        }
        return json(reply.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        try {
            return JsonSerialization.readValue(body, LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + uri);
    }
}
