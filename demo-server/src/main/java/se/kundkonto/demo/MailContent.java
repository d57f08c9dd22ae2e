package se.kundkonto.demo;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * One caught e-mail as a reader sees it. jakarta.mail does all the decoding (transfer encodings such as
 * quoted-printable, charsets, RFC 2047 words in headers), so links come out exactly as Keycloak wrote them.
 */
record MailContent(
        String subject, String from, String to, Date sent, String text, String html, List<String> otherParts) {

    static MailContent of(MimeMessage message) throws MessagingException, IOException {
        Parts parts = new Parts();
        parts.collect(message);
        return new MailContent(
                message.getSubject(),
                addresses(message.getFrom()),
                addresses(message.getAllRecipients()),
                message.getSentDate(),
                parts.text,
                parts.html,
                parts.other);
    }

    /** Walks multipart/alternative and multipart/mixed alike: the first text/plain and text/html body win. */
    private static final class Parts {
        private String text;
        private String html;
        private final List<String> other = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                other.add(describe(part));
            } else if (text == null && part.isMimeType("text/plain")) {
                text = decodedText(part);
            } else if (html == null && part.isMimeType("text/html")) {
                html = decodedText(part);
            } else {
                other.add(describe(part));
            }
        }
    }

    private static String decodedText(Part part) throws MessagingException, IOException {
        try {
            return (String) part.getContent();
        } catch (UnsupportedEncodingException e) {
            // a charset this JVM does not know: still show the (transfer-decoded) bytes rather than nothing
            return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String describe(Part part) throws MessagingException, IOException {
        String name = part.getFileName();
        String type = part.getContentType().split(";", 2)[0].trim();
        return name == null ? type : MimeUtility.decodeText(name) + " (" + type + ")";
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (Address a : addresses) {
            // toUnicodeString decodes an RFC 2047 display name such as "Kundkonto Åtkomst"
            shown.add(a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString());
        }
        return String.join(", ", shown);
    }
}
