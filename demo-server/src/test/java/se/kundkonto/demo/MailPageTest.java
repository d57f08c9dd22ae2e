package se.kundkonto.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.Test;

/** Real MIME, written to bytes and parsed back as GreenMail would, then rendered by the inbox. */
class MailPageTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    /** Longer than a quoted-printable line, with '=' and '&' that the encoding and HTML both care about. */
    private static final String LINK = "http://localhost:8080/realms/kundportal/login-actions/action-token"
            + "?key=eyJhbGciOiJIUzUxMiIsInR5cCIgOiAiSldUIn0.eyJleHAiOjE3MDAwMDAwMDAsInR5cCI6ImV4ZWN1dGUtYWN0aW9ucyJ9.c2ln=="
            + "&client_id=account-console&tab_id=Ab3=xY&lang=sv";

    private static final String SUBJECT = "Bekräfta din e-postadress – åäö ÅÄÖ";

    @Test
    void quotedPrintableAlternativeIsDecodedAndItsLinkIsExact() throws Exception {
        MimeMessage[] inbox = {invitation()};
        String page = MailPage.respond("/mail/0", inbox).body();

        assertThat(hrefs(page)).contains(LINK);
        assertThat(page).doesNotContain("=3D").doesNotContain("=\r\n").doesNotContain("=\n");
        assertThat(page).contains("<h1>" + SUBJECT + "</h1>", "Kundkonto Åtkomst", "anna@foretaget.se", "Hej Anna!");
        assertThat(page).contains("<a href=\"/mail/0/html\">").doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void theHtmlPartIsServedAloneWithoutScripts() throws Exception {
        MailPage.Response html = MailPage.respond("/mail/0/html", new MimeMessage[] {invitation()});

        assertThat(html.status()).isEqualTo(200);
        assertThat(html.headers().get("Content-Security-Policy"))
                .contains("default-src 'none'", "sandbox")
                .doesNotContain("allow-scripts", "script-src");
        assertThat(hrefs(html.body())).contains(LINK);
        assertThat(html.body()).startsWith("<html><body><p>Hej").doesNotContain("=3D");
    }

    @Test
    void theListShowsDecodedSubjectsNewestFirstAndReloadsItself() throws Exception {
        MimeMessage[] inbox = {invitation(), plainLatin1()};
        MailPage.Response list = MailPage.respond("/", inbox);

        assertThat(list.body())
                .contains(
                        "<html lang=\"en\"",
                        "http-equiv=\"refresh\"",
                        "<a href=\"/\">Reload now</a>",
                        "<a href=\"/mail/0\">" + SUBJECT + "</a>",
                        "<th scope=\"col\">Subject</th>");
        assertThat(list.body().indexOf("/mail/1")).isLessThan(list.body().indexOf("/mail/0"));
        assertThat(list.headers().get("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void aPlainLatin1MessageIsDecodedAndItsLinkStopsBeforeTheFullStop() throws Exception {
        String page =
                MailPage.respond("/mail/0", new MimeMessage[] {plainLatin1()}).body();

        assertThat(page)
                .contains(
                        "Hälsningar från Kundkonto",
                        "<h1>Lösenord återställt</h1>",
                        "(no HTML part)",
                        "<a href=\"https://example.se/a?b=1&amp;c=2\">https://example.se/a?b=1&amp;c=2</a>.");
        assertThat(MailPage.respond("/mail/0/html", new MimeMessage[] {plainLatin1()})
                        .status())
                .isEqualTo(404);
    }

    @Test
    void scriptsInTheTextAndSubjectAreEscaped() throws Exception {
        MimeMessage m = new MimeMessage(SESSION);
        m.setSubject("<script>alert('subject')</script>", "UTF-8");
        m.setText("<script>alert(1)</script> see https://x.se/?q=\"><script>alert(2)</script>", "UTF-8");
        MimeMessage[] inbox = {received(m)};

        String page = MailPage.respond("/mail/0", inbox).body()
                + MailPage.respond("/", inbox).body();
        assertThat(page)
                .doesNotContain("<script")
                .contains(
                        "&lt;script&gt;alert(1)&lt;/script&gt;",
                        "&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;",
                        "<a href=\"https://x.se/?q=\">");
    }

    @Test
    void mixedMailShowsItsTextAndNamesTheAttachment() throws Exception {
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(
                new DataHandler(new ByteArrayDataSource("x".getBytes(StandardCharsets.UTF_8), "application/pdf")));
        attachment.setFileName("Villkor för kundkonto.pdf");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative());
        MimeMessage m = new MimeMessage(SESSION);
        m.setSubject(SUBJECT, "UTF-8");
        m.setContent(new MimeMultipart("mixed", body, attachment));

        String page =
                MailPage.respond("/mail/0", new MimeMessage[] {received(m)}).body();
        assertThat(hrefs(page)).contains(LINK);
        assertThat(page).contains("Villkor för kundkonto.pdf (application/pdf)", "/mail/0/html");
    }

    @Test
    void unknownPathsAndIndexesAreNotFound() throws Exception {
        MimeMessage[] inbox = {invitation()};
        assertThat(MailPage.respond("/mail/1", inbox).status()).isEqualTo(404);
        assertThat(MailPage.respond("/mail/x", inbox).status()).isEqualTo(404);
        assertThat(MailPage.respond("/favicon.ico", inbox).status()).isEqualTo(404);
        assertThat(MailPage.respond("/", new MimeMessage[0]).body()).contains("No e-mail yet.");
    }

    /** What Keycloak sends: multipart/alternative, both parts quoted-printable, an RFC 2047 subject and sender. */
    private static MimeMessage invitation() throws Exception {
        MimeMessage m = new MimeMessage(SESSION);
        m.setFrom(new InternetAddress("noreply@kundkonto.se", "Kundkonto Åtkomst", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, "anna@foretaget.se");
        m.setSubject(SUBJECT, "UTF-8");
        m.setSentDate(new Date());
        m.setContent(alternative());
        MimeMessage parsed = received(m);
        String raw = raw(parsed);
        // the fixture really exercises the decoding: encoded words, '=' as =3D and soft line breaks
        assertThat(raw).contains("Subject: =?UTF-8?", "=3D", "=\r\n").doesNotContain(LINK);
        return parsed;
    }

    private static MimeMultipart alternative() throws Exception {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(
                "Hej Anna!\n\nDu har bjudits in till Företaget AB. Öppna länken:\n" + LINK + "\n\nHälsningar", "UTF-8");
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(
                "<html><body><p>Hej Anna!</p><p><a href=\"" + LINK.replace("&", "&amp;")
                        + "\">Gå med i Företaget AB</a></p>" + "</body></html>",
                "text/html; charset=UTF-8");
        html.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return new MimeMultipart("alternative", text, html);
    }

    private static MimeMessage plainLatin1() throws Exception {
        MimeMessage m = new MimeMessage(SESSION);
        m.setSubject("Lösenord återställt", "ISO-8859-1");
        m.setText("Ditt lösenord är ändrat: https://example.se/a?b=1&c=2.\n\nHälsningar från Kundkonto", "ISO-8859-1");
        MimeMessage parsed = received(m);
        assertThat(parsed.getContentType()).containsIgnoringCase("iso-8859-1");
        return parsed;
    }

    /** Writes the message to bytes and parses it back, the way GreenMail hands it to the inbox. */
    private static MimeMessage received(MimeMessage m) throws Exception {
        m.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.writeTo(bytes);
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static String raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.writeTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** Every href attribute as a browser reads it (the only entity the inbox writes into one is &amp;amp;). */
    private static List<String> hrefs(String html) {
        List<String> hrefs = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            hrefs.add(m.group(1).replace("&amp;", "&"));
        }
        return hrefs;
    }
}
