package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension on a real JUnit run: a failing test leaves its screenshot and page, a passing one nothing. */
class FailureEvidenceTest {

    @TempDir
    static Path dir;

    @ExtendWith(FailureEvidence.class)
    static class Sample implements FailureEvidence.Source {
        @Override
        public byte[] screenshot() {
            return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
        }

        @Override
        public String currentUrl() {
            return "http://localhost:8080/realms/kundportal/login-actions/authenticate";
        }

        @Override
        public String pageSource() {
            return "<html><body>Kundnumret eller siffrorna stämmer inte.</body></html>";
        }

        @Test
        void fails() {
            throw new AssertionError("as planned");
        }

        @Test
        void passes() {}
    }

    /** A browser that is already gone: nothing can be saved, and the run still reports the test's own failure. */
    @ExtendWith(FailureEvidence.class)
    static class BrowserGone extends Sample {
        @Override
        public byte[] screenshot() {
            throw new IllegalStateException("no such window");
        }
    }

    private static void run(Class<?> sample) {
        System.setProperty(FailureEvidence.DIRECTORY_PROPERTY, dir.toString());
        try {
            EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(sample))
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1).failed(1));
        } finally {
            System.clearProperty(FailureEvidence.DIRECTORY_PROPERTY);
        }
    }

    @Test
    void aFailedTestLeavesItsScreenshotAndPage() throws Exception {
        run(Sample.class);
        assertThat(dir.resolve("Sample.fails.png")).hasBinaryContent(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(Files.readString(dir.resolve("Sample.fails.html")))
                .startsWith("<!-- http://localhost:8080/realms/kundportal/")
                .contains("Kundnumret eller siffrorna stämmer inte.");
        assertThat(dir.resolve("Sample.passes.png")).doesNotExist();
    }

    @Test
    void aBrowserThatIsGoneStillLeavesThePageAndTheTestsOwnFailure() throws Exception {
        run(BrowserGone.class);
        assertThat(dir.resolve("BrowserGone.fails.png")).doesNotExist();
        assertThat(dir.resolve("BrowserGone.fails.html")).exists();
    }
}
