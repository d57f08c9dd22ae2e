package se.kundkonto.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import se.kundkonto.it.PlainHttp.Page;

/**
 * Registration in plain HTTP through the portal client {@code mina-sidor}, the way the pages post it: for
 * tests whose subject is not the registration pages themselves (setting up members, racing claims). A
 * fraction of a second where the browser takes several.
 */
final class HttpRegistration {

    static final String CALLBACK = "http://localhost:3000/callback";

    private final ManagedRealm realm;
    private final MailServer mail;

    HttpRegistration(ManagedRealm realm, MailServer mail) {
        this.realm = realm;
        this.mail = mail;
    }

    /** A whole registration: customer verified, form, e-mail confirmed, password chosen, TOTP skipped. */
    void register(String customer, String digits, String email, String password) {
        PlainHttp http = new PlainHttp();
        Page page = http.follow(form(verified(http, customer, digits), email).submit(http), CALLBACK);
        expect(page, "login-login-verify-email");
        page = http.follow(http.get(Mails.verificationLink(mail, email)), CALLBACK);
        page = http.follow(
                page.form("#kc-passwd-update-form")
                        .with("password-new", password)
                        .with("password-confirm", password)
                        .submit(http),
                CALLBACK);
        page = http.follow(
                page.form("#kc-totp-settings-form").with("kundkontoSkip", "").submit(http), CALLBACK);
        if (page.location() == null || !page.location().startsWith(CALLBACK)) {
            throw new IllegalStateException(
                    "registration of " + email + " did not end at the portal: " + page.pageId());
        }
    }

    /** Login page → "Registrera konto" → customer verified: the registration form, ready to fill in. */
    Page verified(PlainHttp http, String customer, String digits) {
        String auth = realm.getBaseUrl()
                + "/protocol/openid-connect/auth?client_id=mina-sidor&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8);
        Page login = http.follow(http.get(auth), CALLBACK);
        Page verify = http.follow(http.get(login.link("login-actions/registration")), CALLBACK);
        return http.follow(
                verify.form("#kundkonto-verify-form")
                        .with("customerNumber", customer)
                        .with("orgDigits", digits)
                        .submit(http),
                CALLBACK);
    }

    static PlainHttp.Form form(Page registrationPage, String email) {
        return registrationPage
                .form("#kc-register-form")
                .with("firstName", "Test")
                .with("lastName", "Person")
                .with("phoneNumber", "070-000 00 00")
                .with("email", email) // as BrowserTestBase registers
                .without("municipalities"); // no municipality chosen, as in the browser
    }

    private static void expect(Page page, String pageId) {
        if (!pageId.equals(page.pageId())) {
            throw new IllegalStateException("expected " + pageId + " but got " + page.status() + " " + page.pageId());
        }
    }
}
