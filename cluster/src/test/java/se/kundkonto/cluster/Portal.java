package se.kundkonto.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.kundkonto.cluster.Person.Page;

/**
 * The portal {@code mina-sidor} (confidential client of the realm export) as a person meets it: login,
 * registration, "Byt kund", and its back channel (code exchange, refresh) on whichever node it is sent to.
 */
final class Portal {

    static final String PUBLIC_URL = "http://localhost:8080";
    static final String REALM_PATH = "/realms/" + TwoNodeCluster.REALM;
    static final String SECRET = "mina-sidor-demo-secret";
    static final String LOGIN_PAGE = "login-login";
    static final String VERIFY_PAGE = "login-kundkonto-verify-customer";
    static final String REGISTER_PAGE = "login-register";
    static final String PICKER_PAGE = "login-kundkonto-select-customer";
    static final String TOTP_PAGE = "login-login-config-totp";
    static final String OTP_PAGE = "login-login-otp";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient BACK_CHANNEL = HttpClient.newHttpClient();

    private final Mailbox mail;

    Portal(Mailbox mail) {
        this.mail = mail;
    }

    record Tokens(String access, String refresh) {
        JsonNode claims() {
            return json(new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]), StandardCharsets.UTF_8));
        }

        /** The {@code active_customer} claim's customer number, or null. */
        String activeCustomer() {
            JsonNode active = claims().path("active_customer");
            return active.isMissingNode() || active.isNull()
                    ? null
                    : active.path("number").asText(null);
        }

        /** The customer numbers of the {@code customers} claim. */
        java.util.List<String> customers() {
            java.util.List<String> numbers = new java.util.ArrayList<>();
            claims().path("customers").forEach(c -> numbers.add(c.path("number").asText()));
            return numbers;
        }
    }

    static String authUrl(String kcAction) {
        return PUBLIC_URL + REALM_PATH
                + "/protocol/openid-connect/auth?client_id=mina-sidor&response_type=code&scope=openid"
                + "&ui_locales=sv&redirect_uri=" + Person.enc(Person.CALLBACK)
                + (kcAction == null ? "" : "&kc_action=" + Person.enc(kcAction));
    }

    /** The login page → "Registrera konto" → the verification page. */
    Page verificationPage(Person p) {
        Page login = p.getAndFollow(authUrl(null));
        return p.getAndFollow(login.link("login-actions/registration"));
    }

    /** One post of the verification page. */
    static Page guess(Person p, Page verificationPage, String customer, String digits) {
        return p.submitAndFollow(verificationPage
                .form("#kundkonto-verify-form")
                .with("customerNumber", customer)
                .with("orgDigits", digits));
    }

    /** Customer verified: the registration form. */
    Page registrationForm(Person p, String customer, String digits) {
        return guess(p, verificationPage(p), customer, digits);
    }

    static Person.Form filledIn(Page registrationForm, String email) {
        return registrationForm
                .form("#kc-register-form")
                .with("firstName", "Test")
                .with("lastName", "Kluster")
                .with("phoneNumber", "070-000 00 00")
                .with("email", email)
                .without("municipalities");
    }

    /** The registration form sent: the person is then asked to confirm the e-mail address. */
    Page sendRegistration(Person p, Page registrationForm, String email) {
        return p.submitAndFollow(filledIn(registrationForm, email));
    }

    /** E-mail confirmed, password chosen: the TOTP offer. */
    Page confirmAndChoosePassword(Person p, String email, String password) {
        Page page = p.getAndFollow(mail.actionLink(email, "verify-email"));
        return p.submitAndFollow(page.form("#kc-passwd-update-form")
                .with("password-new", password)
                .with("password-confirm", password));
    }

    /** A whole registration, TOTP skipped; the person is signed in and the portal has its tokens. */
    Tokens register(Person p, String customer, String digits, String email, String password) {
        Page sent = sendRegistration(p, registrationForm(p, customer, digits), email);
        expect(sent, "login-login-verify-email");
        Page offer = confirmAndChoosePassword(p, email, password);
        return tokens(p, p.submitAndFollow(offer.form("#kc-totp-settings-form").with("kundkontoSkip", "")));
    }

    /**
     * After an authenticator app is set up, Keycloak shows the recovery codes once (issue 14): saved as a
     * person would (the page's own form). Any other page is returned as it is.
     */
    static Page pastRecoveryCodes(Person p, Page page) {
        if (!"login-login-recovery-authn-code-config".equals(page.pageId())) {
            return page;
        }
        return p.submitAndFollow(page.form("#kc-recovery-codes-settings-form"));
    }

    /** The login form with e-mail and password: the next page (picker, OTP) or the redirect to the portal. */
    Page login(Person p, String email, String password) {
        Page login = p.getAndFollow(authUrl(null));
        return p.submitAndFollow(
                login.form("#kc-form-login").with("username", email).with("password", password));
    }

    /** The redirect to the portal's callback exchanged for tokens, on the node the person is sent to. */
    Tokens tokens(Person p, Page callback) {
        if (callback.location() == null || !callback.location().startsWith(Person.CALLBACK)) {
            throw new AssertionError("not at the portal's callback: " + callback + " " + callback.feedback());
        }
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback.location());
        if (!code.find()) {
            throw new AssertionError("no code in " + callback.location());
        }
        return tokenRequest(
                p.node(),
                Map.of("grant_type", "authorization_code", "code", code.group(1), "redirect_uri", Person.CALLBACK));
    }

    static Tokens refresh(KeycloakNode node, String refreshToken) {
        return tokenRequest(node, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private static Tokens tokenRequest(KeycloakNode node, Map<String, String> grant) {
        StringBuilder form = new StringBuilder("client_id=mina-sidor&client_secret=" + SECRET);
        grant.forEach((k, v) -> form.append('&').append(k).append('=').append(Person.enc(v)));
        JsonNode reply = post(node.baseUrl() + REALM_PATH + "/protocol/openid-connect/token", form.toString());
        return new Tokens(
                reply.path("access_token").asText(), reply.path("refresh_token").asText());
    }

    private static JsonNode post(String url, String form) {
        try {
            HttpResponse<String> r = BACK_CHANNEL.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("token endpoint " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return json(r.body());
        } catch (IOException e) {
            throw new Person.NoAnswer("POST " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    static void expect(Page page, String pageId) {
        if (!pageId.equals(page.pageId())) {
            throw new AssertionError("expected " + pageId + " but got " + page + " " + page.feedback());
        }
    }
}
