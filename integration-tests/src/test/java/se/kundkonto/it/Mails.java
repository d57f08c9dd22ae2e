package se.kundkonto.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.mail.MailServer;

/** Reads what the realm e-mailed to the test SMTP server. */
public final class Mails {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private Mails() {}

    /** The newest message to the address whose subject is the given one, waiting up to 10 s for it. */
    public static MimeMessage latest(MailServer mail, String to, String subject) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> matching = Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> is(m, to, subject))
                    .toList();
            if (!matching.isEmpty()) {
                return matching.get(matching.size() - 1);
            }
            sleep();
        }
        throw new AssertionError("no e-mail '" + subject + "' to " + to);
    }

    /**
     * The newest e-mail verification link (Keycloak's VERIFY_EMAIL action token) sent to the address,
     * whatever the language of its subject, waiting up to 10 s for it.
     */
    public static String verificationLink(MailServer mail, String to) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] received = mail.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) { // newest first: the benchmark's inbox grows long
                if (isTo(received[i], to)) {
                    Optional<String> link = LINK.matcher(String.valueOf(text(received[i])))
                            .results()
                            .map(MatchResult::group)
                            .filter(Mails::isVerifyEmailToken)
                            .findFirst();
                    if (link.isPresent()) {
                        return link.get();
                    }
                }
            }
            sleep();
        }
        throw new AssertionError("no e-mail verification link to " + to);
    }

    /** An action-token link whose (signed, base64url) payload says it is Keycloak's e-mail verification. */
    private static boolean isVerifyEmailToken(String link) {
        Matcher key = Pattern.compile("[?&]key=([^&]+)").matcher(link);
        if (!link.contains("/login-actions/action-token") || !key.find()) {
            return false;
        }
        String[] jwt = key.group(1).split("\\.");
        return jwt.length == 3
                && new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8)
                        .contains("\"typ\":\"verify-email\"");
    }

    static long count(MailServer mail, String to, String subject) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> is(m, to, subject))
                .count();
    }

    public static String text(MimeMessage message) {
        try {
            return part(message.getContent(), "text/plain");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String html(MimeMessage message) {
        try {
            return part(message.getContent(), "text/html");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String link(MimeMessage message) {
        Matcher m = LINK.matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no link in the e-mail");
        }
        return m.group();
    }

    private static String part(Object content, String type) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        Multipart multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = part(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean is(MimeMessage m, String to, String subject) {
        try {
            return subject.equals(m.getSubject()) && isTo(m, to);
        } catch (MessagingException e) {
            return false;
        }
    }

    private static boolean isTo(MimeMessage m, String to) {
        try {
            return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().contains(to));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
