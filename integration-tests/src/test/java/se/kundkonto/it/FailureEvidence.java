package se.kundkonto.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a browser test fails, keeps what the browser showed at that moment: a screenshot and the page
 * source (with its address), as {@code failures/<class>.<method>.png} and {@code .html} next to the run's
 * screenshots ({@code target/screenshots/}, {@code target/screenshots-postgres/}), so a red CI
 * run can be read without running the test again. Saving never throws: the test's own failure is the one
 * to report.
 */
final class FailureEvidence implements TestWatcher {

    /** What a failed test can show; BrowserTestBase gives it from the shared browser. */
    interface Source {
        byte[] screenshot();

        String currentUrl();

        String pageSource();
    }

    static final String DIRECTORY_PROPERTY = "kundkonto.failures";

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Object test = context.getTestInstance().orElse(null);
        if (test instanceof Source source) {
            Path screenshots = Path.of(System.getProperty("kundkonto.screenshots", "target/screenshots"));
            Path dir = Path.of(System.getProperty(
                    DIRECTORY_PROPERTY, screenshots.resolve("failures").toString()));
            save(
                    dir,
                    context.getRequiredTestClass().getSimpleName() + "."
                            + context.getRequiredTestMethod().getName(),
                    source);
        }
    }

    static void save(Path dir, String name, Source source) {
        String file = name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not make " + dir + " for the failure evidence of " + name + ": " + e);
            return;
        }
        try {
            Files.write(dir.resolve(file + ".png"), source.screenshot());
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot of the failed " + name + ": " + e);
        }
        try {
            String html =
                    "<!-- " + String.valueOf(source.currentUrl()).replace("--", "- -") + " -->\n" + source.pageSource();
            Files.writeString(dir.resolve(file + ".html"), html, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("No page source of the failed " + name + ": " + e);
        }
    }
}
