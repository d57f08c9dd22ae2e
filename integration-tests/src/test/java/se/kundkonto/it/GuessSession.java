package se.kundkonto.it;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.keycloak.testframework.oauth.OAuthClient;

/**
 * One visitor's own browser tab over plain HTTP (its own cookies, no JavaScript), as an attacker
 * scripts the verification page, the login form and "Lägg till kundkonto". Cookies are kept by name
 * and redirects followed by hand: Java's CookieManager never sends Keycloak's Secure cookies over
 * http://localhost, as a browser does.
 */
final class GuessSession {

    private static final Pattern REGISTER_LINK = Pattern.compile("href=\"([^\"]*/login-actions/registration[^\"]*)\"");
    private static final Pattern PAGE_ID = Pattern.compile("data-page-id=\"([^\"]+)\"");
    private static final Pattern FEEDBACK = Pattern.compile("kc-feedback-text[^>]*>(.*?)</", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
            "ouml", "ö", "auml", "ä", "aring", "å", "ndash", "–", "Ouml", "Ö");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String page = "";
    private URI current = URI.create("http://localhost:8080/");

    /** The registration flow's verification page, in Swedish. */
    static GuessSession atVerificationPage(OAuthClient oauth) {
        GuessSession s = new GuessSession();
        s.get(oauth.loginForm().uiLocales("sv").build());
        Matcher link = REGISTER_LINK.matcher(s.page);
        if (!link.find()) {
            throw new AssertionError("no registration link on " + s.pageId());
        }
        s.get(unescape(link.group(1)));
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
        s.get(oauth.loginForm().uiLocales("sv").kcAction("kundkonto-add-customer").build());
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
        Matcher m = PAGE_ID.matcher(page);
        return m.find() ? m.group(1) : "";
    }

    Optional<String> feedback() {
        Matcher m = FEEDBACK.matcher(page);
        return m.find() ? Optional.of(unescape(m.group(1)).strip()) : Optional.empty();
    }

    private GuessSession post(String formId, Map<String, String> fields) {
        Matcher form = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>").matcher(page);
        if (!form.find()) {
            throw new AssertionError("no form " + formId + " on " + pageId());
        }
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("form " + formId + " has no action");
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        send(HttpRequest.newBuilder(current.resolve(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        return this;
    }

    private void get(String url) {
        send(HttpRequest.newBuilder(current.resolve(url)).GET());
    }

    private void send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = exchange(request);
            for (int hops = 0; response.statusCode() / 100 == 3 && hops < 10; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = exchange(HttpRequest.newBuilder(next).GET());
            }
            if (response.statusCode() >= 500) {
                throw new AssertionError("server error " + response.statusCode() + ": " + response.body());
            }
            page = response.body();
            current = response.uri();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.header("Accept-Language", "sv");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(setCookie)) {
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return response;
    }

    static String unescape(String html) {
        Matcher m = ENTITY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String decoded;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                decoded = new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
            } else if (e.startsWith("#")) {
                decoded = new String(Character.toChars(Integer.parseInt(e.substring(1))));
            } else {
                decoded = NAMED.getOrDefault(e, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString();
    }
}
