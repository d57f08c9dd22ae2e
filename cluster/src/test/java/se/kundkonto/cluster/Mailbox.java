package se.kundkonto.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The SMTP server the realm export sends to (localhost:3025), shared by both nodes. */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final GreenMail smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    Mailbox start() {
        smtp.start();
        return this;
    }

    void stop() {
        smtp.stop();
    }

    /** The newest action-token link of the given type ({@code verify-email}, or the pack's token id) sent to the address. */
    String actionLink(String to, String tokenType) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] received = smtp.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                if (isTo(received[i], to)) {
                    Optional<String> link = LINK.matcher(String.valueOf(text(received[i])))
                            .results()
                            .map(MatchResult::group)
                            .filter(l -> isActionToken(l, tokenType))
                            .findFirst();
                    if (link.isPresent()) {
                        return link.get();
                    }
                }
            }
            sleep();
        }
        throw new AssertionError("no " + tokenType + " link to " + to);
    }

    /** How many messages to the address carry an action-token link of this type. */
    long count(String to, String tokenType) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> isTo(m, to))
                .filter(m -> LINK.matcher(String.valueOf(text(m)))
                        .results()
                        .map(MatchResult::group)
                        .anyMatch(l -> isActionToken(l, tokenType)))
                .count();
    }

    private static boolean isActionToken(String link, String type) {
        Matcher key = Pattern.compile("[?&]key=([^&]+)").matcher(link);
        if (!link.contains("/login-actions/action-token") || !key.find()) {
            return false;
        }
        String[] jwt = key.group(1).split("\\.");
        return jwt.length == 3
                && new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8)
                        .contains("\"typ\":\"" + type + "\"");
    }

    private static String text(MimeMessage message) {
        try {
            return part(message.getContent(), "text/plain");
        } catch (Exception e) {
            return "";
        }
    }

    private static String part(Object content, String type) throws MessagingException, java.io.IOException {
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
