package se.kundkonto.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Catches every e-mail the realm sends (SMTP on localhost) and lists them on a small web page. */
final class MailCatcher {

    private final GreenMail smtp;
    private final HttpServer web;

    private MailCatcher(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    static MailCatcher start(int smtpPort, int webPort) throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        MailCatcher catcher = new MailCatcher(smtp, web);
        web.createContext("/", exchange -> {
            byte[] page = catcher.inbox().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        web.start();
        return catcher;
    }

    void stop() {
        web.stop(0);
        smtp.stop();
    }

    private String inbox() {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
                + "<title>Demo inbox</title><meta http-equiv=\"refresh\" content=\"5\"></head>"
                + "<body style=\"font-family:sans-serif;max-width:60em;margin:auto\"><h1>Demo inbox</h1>");
        MimeMessage[] messages = smtp.getReceivedMessages();
        if (messages.length == 0) {
            html.append("<p>No e-mail yet. This page refreshes itself.</p>");
        }
        for (int i = messages.length - 1; i >= 0; i--) {
            html.append(render(messages[i]));
        }
        return html.append("</body></html>").toString();
    }

    private static String render(MimeMessage message) {
        try {
            StringBuilder to = new StringBuilder();
            for (Address a : message.getAllRecipients()) {
                to.append(a).append(' ');
            }
            return "<article style=\"border:1px solid #ccc;padding:1em;margin:1em 0\"><h2>" + escape(message.getSubject())
                    + "</h2><p><b>To:</b> " + escape(to.toString()) + " <b>Sent:</b> " + message.getSentDate()
                    + "</p><pre style=\"white-space:pre-wrap\">" + escape(GreenMailUtil.getBody(message)) + "</pre></article>";
        } catch (MessagingException e) {
            return "<p>(unreadable message: " + escape(e.getMessage()) + ")</p>";
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
