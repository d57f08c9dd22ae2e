package se.kundkonto.demo;

import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The inbox's pages: a list (the only page that reloads itself, so nobody is refreshed away while reading),
 * one page per e-mail with its decoded plain text, and each HTML part on its own URL under a CSP that
 * allows no scripts. Plain HTTP concerns stay in {@link MailCatcher}, so this is testable without a port.
 */
final class MailPage {

    /** What MailCatcher sends back. */
    record Response(int status, Map<String, String> headers, String body) {}

    static final int REFRESH_SECONDS = 10;

    /** Our own pages carry no script and no remote resources; the CSP only backs up the escaping. */
    static final String PAGE_CSP =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'";
    /**
     * An e-mail's HTML: no scripts, forms, plugins or remote loads, sandboxed as a unique origin. Popups may
     * escape the sandbox so a target=_blank link opens Keycloak as a normal page.
     */
    static final String HTML_PART_CSP =
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none';"
                    + " base-uri 'none'; frame-ancestors 'none'; sandbox allow-popups allow-popups-to-escape-sandbox";

    private static final Pattern MAIL = Pattern.compile("/mail/(\\d{1,9})(/html)?");

    private MailPage() {}

    /** The response for a request path, given every e-mail caught so far (oldest first, as GreenMail keeps them). */
    static Response respond(String path, MimeMessage[] messages) {
        if ("/".equals(path)) {
            return page(200, list(messages));
        }
        Matcher m = MAIL.matcher(path);
        int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (index < 0 || index >= messages.length) {
            return page(
                    404, document("Not found", "<h1>Not found</h1><p><a href=\"/\">Back to the inbox</a></p>", false));
        }
        try {
            MailContent mail = MailContent.of(messages[index]);
            if (m.group(2) == null) {
                return page(200, detail(index, mail));
            }
            if (mail.html() == null) {
                return page(
                        404,
                        document(
                                "No HTML part",
                                "<h1>This e-mail has no HTML part</h1>" + "<p><a href=\"/mail/" + index
                                        + "\">Back to the e-mail</a></p>",
                                false));
            }
            return new Response(
                    200,
                    Map.of(
                            "Content-Type",
                            "text/html; charset=utf-8",
                            "Content-Security-Policy",
                            HTML_PART_CSP,
                            "X-Content-Type-Options",
                            "nosniff",
                            "Referrer-Policy",
                            "no-referrer"),
                    mail.html());
        } catch (MessagingException | IOException e) {
            return page(
                    500,
                    document(
                            "Unreadable e-mail",
                            "<h1>Unreadable e-mail</h1><p>" + Html.escape(e.toString())
                                    + "</p><p><a href=\"/\">Back to the inbox</a></p>",
                            false));
        }
    }

    private static String list(MimeMessage[] messages) {
        StringBuilder body = new StringBuilder("<h1>Demo inbox</h1><p>Every e-mail the realm sends, newest first. "
                + "This list reloads itself every " + REFRESH_SECONDS + " seconds; an opened e-mail does not. "
                + "<a href=\"/\">Reload now</a></p>");
        if (messages.length == 0) {
            return document("Demo inbox", body.append("<p>No e-mail yet.</p>").toString(), true);
        }
        body.append("<table><caption>")
                .append(messages.length)
                .append(
                        " e-mail(s)</caption><thead><tr>"
                                + "<th scope=\"col\">Subject</th><th scope=\"col\">To</th><th scope=\"col\">Sent</th></tr></thead><tbody>");
        for (int i = messages.length - 1; i >= 0; i--) {
            body.append(row(i, messages[i]));
        }
        return document(
                "Demo inbox (" + messages.length + ")",
                body.append("</tbody></table>").toString(),
                true);
    }

    private static String row(int index, MimeMessage message) {
        try {
            MailContent mail = MailContent.of(message);
            return "<tr><td><a href=\"/mail/" + index + "\">" + Html.escape(subject(mail)) + "</a></td><td>"
                    + Html.escape(mail.to()) + "</td><td>" + date(mail.sent()) + "</td></tr>";
        } catch (MessagingException | IOException e) {
            return "<tr><td><a href=\"/mail/" + index + "\">(unreadable e-mail)</a></td><td></td><td></td></tr>";
        }
    }

    private static String detail(int index, MailContent mail) {
        StringBuilder body = new StringBuilder("<p><a href=\"/\">Back to the inbox</a></p><h1>")
                .append(Html.escape(subject(mail)))
                .append("</h1><dl><dt>From</dt><dd>")
                .append(Html.escape(mail.from()))
                .append("</dd><dt>To</dt><dd>")
                .append(Html.escape(mail.to()))
                .append("</dd><dt>Sent</dt><dd>")
                .append(date(mail.sent()))
                .append("</dd></dl><h2>Text</h2>");
        body.append(
                mail.text() == null
                        ? "<p>(no plain-text part)</p>"
                        : "<pre style=\"white-space:pre-wrap\">" + Html.linkify(mail.text()) + "</pre>");
        body.append("<h2>HTML</h2>")
                .append(
                        mail.html() == null
                                ? "<p>(no HTML part)</p>"
                                : "<p><a href=\"/mail/" + index
                                        + "/html\">Open the HTML version</a> (shown with scripts blocked)</p>");
        if (!mail.otherParts().isEmpty()) {
            body.append("<h2>Other parts (not shown)</h2><ul>");
            mail.otherParts()
                    .forEach(p -> body.append("<li>").append(Html.escape(p)).append("</li>"));
            body.append("</ul>");
        }
        return document(subject(mail), body.toString(), false);
    }

    private static String subject(MailContent mail) {
        return mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject();
    }

    private static String date(Date sent) {
        return sent == null ? "" : new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(sent);
    }

    /** The page chrome is English; the e-mails keep whatever language they were written in. */
    private static String document(String title, String body, boolean refresh) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title)
                + "</title>" + (refresh ? "<meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\">" : "")
                + "</head><body style=\"font-family:sans-serif;max-width:60em;margin:auto;padding:0 1em\"><main>"
                + body + "</main></body></html>";
    }

    private static Response page(int status, String html) {
        return new Response(
                status,
                Map.of(
                        "Content-Type",
                        "text/html; charset=utf-8",
                        "Content-Security-Policy",
                        PAGE_CSP,
                        "X-Content-Type-Options",
                        "nosniff"),
                html);
    }
}
