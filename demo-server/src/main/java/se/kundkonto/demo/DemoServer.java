package se.kundkonto.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The demo: Keycloak from the official distribution with the pack in providers/, the realm
 * imported from realm-export/, the customer registry in an H2 file seeded with demo customers,
 * and a mail catcher with a web inbox. Runs until Ctrl+C.
 */
public final class DemoServer {

    static final String REALM_URL = "http://localhost:8080/realms/kundportal";

    private DemoServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: DemoServer <keycloak-home> <pack.jar> <realm.json> <registry-seed.sql>");
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path pack = Path.of(args[1]).toAbsolutePath();
        Path realm = Path.of(args[2]).toAbsolutePath();
        Path seed = Path.of(args[3]).toAbsolutePath();

        install(home, pack, realm);
        MailCatcher mail = MailCatcher.start(3025, 8025);
        Process keycloak = startKeycloak(home, seed);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keycloak.destroy();
            mail.stop();
        }));

        if (waitUntilUp(keycloak, Duration.ofMinutes(4))) {
            DemoStaff.ensure();
            printWhereToClick();
        } else {
            System.err.println("Keycloak did not come up; see its output above.");
        }
        System.exit(keycloak.waitFor());
    }

    private static void install(Path home, Path pack, Path realm) throws IOException {
        if (!Files.isRegularFile(pack)) {
            throw new IllegalStateException(
                    "The pack jar is missing: " + pack + " (build it: ./mvnw -Pdemo verify from the top folder)");
        }
        Path providers = Files.createDirectories(home.resolve("providers"));
        Files.copy(pack, providers.resolve("kundkonto.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realm, imports.resolve("kundportal-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Process startKeycloak(Path home, Path seed) throws IOException {
        Path registry =
                Files.createDirectories(home.resolve("data/kundregister")).resolve("kundregister");
        List<String> command = List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--db-kind-kundregister=dev-file",
                "--db-url-full-kundregister=jdbc:h2:file:" + registry + ";INIT=RUNSCRIPT FROM '" + seed
                        + "' CHARSET 'UTF-8'",
                "--db-username-kundregister=sa",
                "--db-password-kundregister=sa",
                // as in the production image: /health/ready and the pack's counters on /metrics (port 9000)
                "--health-enabled=true",
                "--metrics-enabled=true");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(home.toFile()).inheritIO();
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return builder.start();
    }

    private static boolean waitUntilUp(Process keycloak, Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && keycloak.isAlive()) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(REALM_URL)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(2000);
        }
        return false;
    }

    private static void printWhereToClick() {
        System.out.println("""

                ==========================================================================
                 kundkonto demo is running (Ctrl+C stops it)

                 Mina sidor, as a customer:  http://localhost:8080/realms/kundportal/account
                   click "Registrera konto med E-post", then
                   Kundnummer 01020304, de fyra sista siffrorna 4400 (Företaget AB)
                   or log in with the old company login 01020304 / 4400 to be led into registration
                   other demo customers: 02030405 / 3456, 04050607 / 7652, 01020305 is inactive
                   then open "Bekräfta din e-postadress" in the mail inbox and choose the password

                 Admin console:              http://localhost:8080/admin/  (admin / admin)
                   realm "kundportal": Organizations, User federation > Kundregister

                 Uptake report (customer service, %s / %s):
                   http://localhost:8080/realms/kundportal/kundkonto/admin/uptake/page

                 Mail inbox:                 http://localhost:8025/
                 Metrics (kundkonto_*):      http://localhost:9000/metrics   health: http://localhost:9000/health/ready
                ==========================================================================
                """.formatted(DemoStaff.EMAIL, DemoStaff.PASSWORD));
    }
}
