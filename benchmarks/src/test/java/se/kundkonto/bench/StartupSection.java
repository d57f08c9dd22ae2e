package se.kundkonto.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import se.kundkonto.it.RegistryDatabase;

/**
 * Issue 12's P5: how long the server takes to start with the pack's providers and without. Two copies
 * of the Keycloak distribution the tests use, one with the pack jar in {@code providers/} (and the
 * registry datasource the pack's persistence unit needs, as the tests configure it), one without; each
 * built once ({@code kc.sh build}, untimed), then started alternately with {@code start --optimized} on
 * ports of their own, timed from launch until {@code /realms/master} answers 200, and stopped. Opt-in
 * ({@code -Dkundkonto.bench.startup=true}): each start costs ten seconds or more. Never asserted.
 */
final class StartupSection {

    /** {@code -Dkundkonto.bench.startup=true}; {@code .starts} per side. */
    record Settings(boolean on, int starts, Path distribution, Path packJar) {
        static Settings fromSystem() {
            return new Settings(
                    Boolean.getBoolean("kundkonto.bench.startup"),
                    Integer.getInteger("kundkonto.bench.startup.starts", 3),
                    Path.of(System.getProperty("kundkonto.bench.startup.distribution", "")),
                    Path.of(System.getProperty("kundkonto.bench.startup.pack", "")));
        }
    }

    private static final int HTTP_PORT = 18080;
    private static final int MANAGEMENT_PORT = 19000;
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private final Settings settings;
    private final Path work;

    StartupSection(Settings settings) {
        this.settings = settings;
        this.work = Path.of(System.getProperty("java.io.tmpdir"), "kundkonto-bench-startup");
    }

    private record Start(double wallSeconds, double quarkusSeconds) {}

    String run() throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.distribution()) || !Files.isRegularFile(settings.packJar())) {
            throw new IllegalStateException(
                    "the startup section needs the distribution zip and the pack jar: " + settings);
        }
        deleteTree(work);
        Path stock = unzip("stock");
        Path pack = unzip("pack");
        Files.copy(settings.packJar(), pack.resolve("providers/kundkonto.jar"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> registry = RegistryDatabase.current().options();
        List<String> packBuild = new ArrayList<>(List.of("--db=dev-mem", "--cache=local"));
        packBuild.add("--db-kind-kundregister=" + registry.get("db-kind-kundregister"));
        List<String> packRuntime = new ArrayList<>();
        registry.forEach((k, v) -> {
            if (!k.startsWith("db-kind")) {
                packRuntime.add("--" + k + "=" + v);
            }
        });
        long buildStock = run(stock, "build", List.of("--db=dev-mem", "--cache=local"));
        long buildPack = run(pack, "build", packBuild);

        Map<String, List<Start>> starts = new LinkedHashMap<>();
        starts.put("stock", new ArrayList<>());
        starts.put("pack", new ArrayList<>());
        for (int i = 0; i < settings.starts(); i++) {
            for (String side : i % 2 == 0 ? List.of("pack", "stock") : List.of("stock", "pack")) {
                starts.get(side)
                        .add(start(side.equals("pack") ? pack : stock, side.equals("pack") ? packRuntime : List.of()));
            }
        }
        deleteTree(work);
        return markdown(starts, buildStock, buildPack);
    }

    private Path unzip(String name) throws IOException {
        Path target = work.resolve(name);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(settings.distribution()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String inside = entry.getName().substring(entry.getName().indexOf('/') + 1); // keycloak-26.x.y/...
                Path file = target.resolve(inside).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        target.resolve("bin/kc.sh").toFile().setExecutable(true);
        return target;
    }

    /** {@code kc.sh build}: returns the milliseconds it took. */
    private static long run(Path home, String command, List<String> options) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), command));
        cmd.addAll(options);
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(command + ".log").toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("kc.sh " + command + " failed in " + home + ": "
                    + Files.readString(home.resolve(command + ".log")));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Start start(Path home, List<String> runtime) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--hostname-strict=false",
                "--http-port=" + HTTP_PORT,
                "--http-management-port=" + MANAGEMENT_PORT));
        cmd.addAll(runtime);
        Path log = home.resolve("start.log");
        ProcessBuilder builder =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        long begin = System.nanoTime();
        Process p = builder.start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/realms/master"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "Keycloak in " + home + " stopped while starting: " + Files.readString(log));
                }
                if (System.nanoTime() - begin > TimeUnit.MINUTES.toNanos(3)) {
                    throw new IllegalStateException("Keycloak in " + home + " did not answer within 3 minutes");
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            double wall = (System.nanoTime() - begin) / 1e9;
            Matcher m = STARTED.matcher(Files.readString(log));
            return new Start(wall, m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
        } finally {
            stop(p);
        }
    }

    /** SIGTERM to kc.sh's java and whatever it started; waits until the ports are free again. */
    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    private String markdown(Map<String, List<Start>> starts, long buildStockMillis, long buildPackMillis) {
        StringBuilder md = new StringBuilder("""

                ## Server start: with the pack and without (P5, measured, not asserted)

                """);
        md.append(String.format(
                Locale.ROOT,
                "- Runs: %d starts per side, alternating, of the Keycloak distribution (`kc.sh start --optimized`, "
                        + "in-memory database, local caches, no realm but master), one copy with the pack jar in `providers/` and the registry "
                        + "datasource, one without; built once each before (build: stock %.1f s, pack %.1f s, untimed)%n",
                settings.starts(),
                buildStockMillis / 1000.0,
                buildPackMillis / 1000.0));
        md.append(
                "- Timed: from launching `kc.sh` until `/realms/master` answers 200 (wall); Quarkus's own \"started in\" in brackets\n\n");
        md.append("| | Stock | Pack | Ratio (pack / stock) |\n|---|---:|---:|---:|\n");
        double stock = median(starts.get("stock"), Start::wallSeconds);
        double pack = median(starts.get("pack"), Start::wallSeconds);
        md.append(String.format(
                Locale.ROOT,
                "| start, median s (Quarkus) | %.2f (%.2f) | %.2f (%.2f) | **%.2f** |%n",
                stock,
                median(starts.get("stock"), Start::quarkusSeconds),
                pack,
                median(starts.get("pack"), Start::quarkusSeconds),
                pack / stock));
        md.append("| every start, s | ")
                .append(all(starts.get("stock")))
                .append(" | ")
                .append(all(starts.get("pack")))
                .append(" | |\n");
        return md.toString();
    }

    private static double median(List<Start> starts, java.util.function.ToDoubleFunction<Start> f) {
        double[] v = starts.stream().mapToDouble(f).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
    }

    private static String all(List<Start> starts) {
        return String.join(
                ", ",
                starts.stream()
                        .map(s -> String.format(Locale.ROOT, "%.1f", s.wallSeconds()))
                        .toList());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
