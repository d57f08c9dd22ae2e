package se.kundkonto.cluster;

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * One person's browser over plain HTTP, behind a load balancer the test steers: every request goes to the
 * node chosen with {@link #on}, whatever node the page's links name (both put the cluster's public URL
 * in them). Cookies are kept by name, as a browser keeps them for one host whatever the port; the person
 * has an address of its own ({@code X-Forwarded-For}, which the nodes trust), so the per-address guess
 * limit of one test does not spill into the next.
 */
final class Person {

    static final String CALLBACK = "http://localhost:3000/callback";

    /** A request the node did not answer (refused, reset, timed out): what a person sees when a node dies. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(String what, Throwable cause) {
            super(what + ": " + cause, cause);
        }
    }

    record Page(int status, URI url, String location, String body) {
        boolean isRedirect() {
            return status == 302 || status == 303;
        }

        Document doc() {
            return Jsoup.parse(body, url.toString());
        }

        String pageId() {
            Element page = doc().body();
            return page == null ? "" : page.attr("data-page-id");
        }

        /** The page's feedback message (error or info), if any. */
        String feedback() {
            Element feedback = doc().selectFirst("[class*=kc-feedback-text], [id*=kc-feedback-text]");
            return feedback == null ? "" : feedback.text().strip();
        }

        Form form(String selector) {
            if (!(doc().selectFirst(selector) instanceof FormElement form)) {
                throw new IllegalStateException(
                        "no form " + selector + " on " + pageId() + " (" + url + ", HTTP " + status + ")");
            }
            Form result = new Form(form.absUrl("action"));
            form.formData().forEach(kv -> result.fields.put(kv.key(), kv.value()));
            return result;
        }

        String link(String part) {
            Element a = doc().selectFirst("a[href*=" + part + "]");
            if (a == null) {
                throw new IllegalStateException("no link to " + part + " on " + pageId() + " (" + url + ")");
            }
            return a.absUrl("href");
        }

        @Override
        public String toString() {
            return status + " " + pageId() + (location == null ? "" : " -> " + location);
        }
    }

    static final class Form {
        private final String action;
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Form(String action) {
            this.action = action;
        }

        Form with(String name, String value) {
            fields.put(name, value);
            return this;
        }

        Form without(String name) {
            fields.remove(name);
            return this;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String address = "10." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(256) + "."
            + (1 + ThreadLocalRandom.current().nextInt(254));
    private volatile KeycloakNode node;

    Person(KeycloakNode node) {
        this.node = node;
    }

    /** From now on the load balancer sends this person's requests to {@code other}. */
    Person on(KeycloakNode other) {
        this.node = other;
        return this;
    }

    KeycloakNode node() {
        return node;
    }

    String address() {
        return address;
    }

    Page get(String url) {
        return send(HttpRequest.newBuilder(route(url)).GET());
    }

    Page submit(Form form) {
        String body = form.fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(route(form.action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows redirects inside Keycloak; stops at the portal's callback. */
    Page follow(Page page) {
        Page current = page;
        while (current.isRedirect() && !current.location().startsWith(CALLBACK)) {
            current = get(current.url().resolve(current.location()).toString());
        }
        return current;
    }

    Page getAndFollow(String url) {
        return follow(get(url));
    }

    Page submitAndFollow(Form form) {
        return follow(submit(form));
    }

    /** The public URL's node part replaced by the chosen node's: what the load balancer does. */
    private URI route(String url) {
        return URI.create(url.replaceFirst("^http://localhost:\\d+", node.baseUrl()));
    }

    private Page send(HttpRequest.Builder request) {
        request.header("Accept-Language", "sv")
                .header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            synchronized (cookies) {
                response.headers().allValues("Set-Cookie").forEach(this::keep);
            }
            return new Page(
                    response.statusCode(),
                    built.uri(),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new NoAnswer(built.method() + " " + built.uri(), e);
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

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
