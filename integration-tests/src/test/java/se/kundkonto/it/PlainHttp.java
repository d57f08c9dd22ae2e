package se.kundkonto.it;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * An attacker's script instead of a browser: cookies kept by name (one realm, one host; Java's own
 * CookieManager never sends Keycloak's Secure cookies over http://localhost), no automatic redirects,
 * forms read with jsoup and sent with their own hidden fields.
 */
public class PlainHttp {

    /** One answer; {@code location} is set on redirects. */
    public record Page(int status, URI url, String location, String body) {
        public boolean isRedirect() {
            return status == 302 || status == 303;
        }

        public Document doc() {
            return Jsoup.parse(body, url.toString());
        }

        public String pageId() {
            Element page = doc().body();
            return page == null ? "" : page.attr("data-page-id");
        }

        /** The form {@code selector} names, filled with its own fields, to be completed and sent. */
        public Form form(String selector) {
            Element element = doc().selectFirst(selector);
            if (!(element instanceof FormElement form)) {
                throw new IllegalStateException(
                        "no form " + selector + " on " + pageId() + " (" + url + ", HTTP " + status + ")");
            }
            Form result = new Form(form.absUrl("action"));
            form.formData().forEach(kv -> result.fields.put(kv.key(), kv.value()));
            return result;
        }

        /** The first link whose href contains {@code part}, absolute. */
        public String link(String part) {
            Element a = doc().selectFirst("a[href*=" + part + "]");
            if (a == null) {
                throw new IllegalStateException("no link to " + part + " on " + pageId() + " (" + url + ")");
            }
            return a.absUrl("href");
        }
    }

    public static final class Form {
        private final String action;
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Form(String action) {
            this.action = action;
        }

        public Form with(String name, String value) {
            fields.put(name, value);
            return this;
        }

        /** Leaves a field out, as a browser does with a list nobody chose from (jsoup sends its first option). */
        public Form without(String name) {
            fields.remove(name);
            return this;
        }

        public Page submit(PlainHttp http) {
            return http.postForm(action, fields);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Page postForm(String url, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    public Page getWithBearer(String url, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .GET());
    }

    /** Called after each answer with the time it was on the wire (the benchmark counts these). */
    protected void answered(HttpRequest request, int status, long nanosOnTheWire) {}

    /** Follows redirects inside the server; stops at the first one that leaves it (the client's callback). */
    public Page follow(Page page, String leavingPrefix) {
        Page current = page;
        while (current.isRedirect() && !current.location().startsWith(leavingPrefix)) {
            current = get(current.url().resolve(current.location()).toString());
        }
        return current;
    }

    private Page send(HttpRequest.Builder request) {
        request.header("Accept-Language", "sv").timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            answered(built, response.statusCode(), System.nanoTime() - start);
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return new Page(
                    response.statusCode(),
                    built.uri(),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String setCookie) {
        for (HttpCookie cookie : HttpCookie.parse(setCookie)) {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static final Pattern PER_REQUEST = Pattern.compile(
            "((?:session_code|execution|tab_id|client_data|code|state|session_state|nonce|key|auth_session_id)=)[^&\"'\\s<>]*");
    /**
     * Long runs of base64 (standard or URL-safe) with both upper and lower case: random ids such as the
     * auth-session hash in checkAuthSession(), but not JSON keys, CSS classes or paths.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9+/_\\-])(?=[A-Za-z0-9+/_\\-]*[A-Z])(?=[A-Za-z0-9+/_\\-]*[a-z])[A-Za-z0-9+/_\\-]{16,}={0,2}");

    /**
     * What an observer can compare between two answers, with what differs on every request taken out:
     * session codes, execution and tab ids, client data, long random tokens, and what the person typed
     * (echoed back into the form).
     */
    static String comparable(Page page, String... typed) {
        String text = page.status() + " " + (page.location() == null ? "" : page.location()) + "\n" + page.body();
        for (String t : typed) {
            if (!t.isEmpty()) {
                text = text.replace(t, "<typed>")
                        .replace(URLEncoder.encode(t, StandardCharsets.UTF_8), "<typed>")
                        .replace(org.jsoup.nodes.Entities.escape(t), "<typed>");
            }
        }
        text = PER_REQUEST.matcher(text).replaceAll("$1<id>");
        return TOKEN.matcher(text).replaceAll("<token>");
    }
}
