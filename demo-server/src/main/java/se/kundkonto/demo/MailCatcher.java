package se.kundkonto.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

/** Catches every e-mail the realm sends (SMTP on localhost) and shows them on a small web inbox ({@link MailPage}). */
public final class MailCatcher {

    private final GreenMail smtp;
    private final HttpServer web;

    private MailCatcher(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    public static MailCatcher start(int smtpPort, int webPort) throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        web.createContext("/", exchange -> {
            MailPage.Response response =
                    MailPage.respond(exchange.getRequestURI().getPath(), smtp.getReceivedMessages());
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            response.headers().forEach(exchange.getResponseHeaders()::set);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!head) {
                    out.write(body);
                }
            }
        });
        web.start();
        return new MailCatcher(smtp, web);
    }

    public void stop() {
        web.stop(0);
        smtp.stop();
    }
}
