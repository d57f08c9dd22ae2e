package se.kundkonto.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text of the theme exists in Swedish and in English, and every key a template uses is defined. */
class MessagesTest {

    private static final Path LOGIN = Path.of("src/main/resources/theme/kundkonto/login");

    private static final Path EMAIL = Path.of("src/main/resources/theme/kundkonto/email");

    private static Properties load(String locale) throws IOException {
        return load(LOGIN, locale);
    }

    private static Properties load(Path theme, String locale) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(theme.resolve("messages/messages_" + locale + ".properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void swedishAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("sv").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(load("en").stringPropertyNames());
    }

    @Test
    void everyEmailExistsInBothLanguagesAsTextAndHtml() throws IOException {
        assertThat(load(EMAIL, "sv").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(load(EMAIL, "en").stringPropertyNames());
        try (Stream<Path> html = Files.list(EMAIL.resolve("html"))) {
            for (Path template : html.toList()) {
                assertThat(EMAIL.resolve("text").resolve(template.getFileName())).isRegularFile();
            }
        }
    }

    @Test
    void swedishIsReallySwedish() throws IOException {
        Properties sv = load("sv");
        assertThat(sv.getProperty("kundkontoVerificationFailed")).isEqualTo("Kundnumret eller siffrorna stämmer inte.");
        assertThat(sv.getProperty("doRegister")).isEqualTo("Registrera konto med E-post");
        assertThat(sv.getProperty("kundkontoCreateAccount")).isEqualTo("Skapa användarkonto");
    }

    @Test
    void everyKundkontoKeyUsedInATemplateIsDefined() throws IOException {
        Properties sv = load("sv");
        Pattern used = Pattern.compile("msg\\(\"(kundkonto\\w+)\"|label=\"(kundkonto\\w+)\"");
        try (Stream<Path> templates = Files.list(LOGIN)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                Matcher m = used.matcher(Files.readString(template));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    assertThat(sv).as(template.getFileName() + " uses " + key).containsKey(key);
                }
            }
        }
    }

    @Test
    void errorKeysRaisedByTheAuthenticatorsAreDefined() throws IOException {
        assertThat(load("sv")).containsKeys("kundkontoCustomerNumberMissing", "kundkontoOrgDigitsMissing",
                "kundkontoVerificationFailed", "kundkontoVerificationLocked", "kundkontoRegistryUnavailable", "kundkontoCustomerNotVerified",
                "kundkontoPhoneInvalid");
    }
}
