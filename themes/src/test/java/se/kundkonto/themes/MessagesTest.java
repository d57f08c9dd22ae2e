package se.kundkonto.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text exists in Swedish and in English, every key a template uses is defined, and no theme of the
 * pack shadows the pack's own texts. The pack's own pages and texts ship as theme-resources of the flow
 * steps' module (so they work under any login theme); Keycloak merges those messages into every theme,
 * and a theme's own key with the same name wins — silently.
 */
class MessagesTest {

    private static final Path LOGIN = Path.of("src/main/resources/theme/kundkonto/login");

    private static final Path EMAIL = Path.of("src/main/resources/theme/kundkonto/email");

    private static final Path ACCOUNT = Path.of("../account-console/src/main/resources/theme/kundkonto/account");

    /** The flow steps' own templates and messages, in the authenticators module's jar. */
    private static final Path PACK = Path.of("../authenticators/src/main/resources/theme-resources");

    private static final List<String> LOCALES = List.of("sv", "en");

    private static Properties load(Path theme, String locale) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(theme.resolve("messages/messages_" + locale + ".properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** What a login page sees: the pack's messages, then the login theme's on top (Keycloak's order). */
    private static Properties loginPage(String locale) throws IOException {
        Properties p = new Properties();
        p.putAll(load(PACK, locale));
        p.putAll(load(LOGIN, locale));
        return p;
    }

    @Test
    void swedishAndEnglishHaveTheSameKeys() throws IOException {
        for (Path messages : List.of(LOGIN, EMAIL, PACK)) {
            assertThat(load(messages, "sv").stringPropertyNames())
                    .as(messages.toString())
                    .containsExactlyInAnyOrderElementsOf(load(messages, "en").stringPropertyNames());
        }
    }

    @Test
    void theThemesDoNotShadowThePacksTextsWithOtherWords() throws IOException {
        for (String locale : LOCALES) {
            Properties pack = load(PACK, locale);
            for (Path theme : List.of(LOGIN, EMAIL, ACCOUNT)) {
                Properties own = load(theme, locale);
                for (String key : own.stringPropertyNames()) {
                    if (pack.containsKey(key)) {
                        assertThat(own.getProperty(key))
                                .as(theme + " messages_" + locale + " redefines the pack's " + key)
                                .isEqualTo(pack.getProperty(key));
                    }
                }
            }
        }
    }

    @Test
    void theLoginThemeKeepsOnlyItsOverridesOfKeycloaksTexts() throws IOException {
        assertThat(load(LOGIN, "sv").stringPropertyNames())
                .as("kundkonto* texts belong to the pack (theme-resources)")
                .noneMatch(key -> key.startsWith("kundkonto"));
    }

    @Test
    void everyEmailExistsInBothLanguagesAsTextAndHtml() throws IOException {
        try (Stream<Path> html = Files.list(EMAIL.resolve("html"))) {
            for (Path template : html.toList()) {
                assertThat(EMAIL.resolve("text").resolve(template.getFileName()))
                        .isRegularFile();
            }
        }
    }

    @Test
    void swedishIsReallySwedish() throws IOException {
        Properties sv = loginPage("sv");
        assertThat(sv.getProperty("kundkontoVerificationFailed")).isEqualTo("Kundnumret eller siffrorna stämmer inte.");
        assertThat(sv.getProperty("doRegister")).isEqualTo("Registrera konto med E-post");
        assertThat(sv.getProperty("kundkontoCreateAccount")).isEqualTo("Skapa användarkonto");
        assertThat(load(PACK, "sv").getProperty("kundkontoSelectCustomerTitle")).isEqualTo("Byt kund");
    }

    @Test
    void everyKundkontoKeyUsedInATemplateIsDefined() throws IOException {
        Pattern used = Pattern.compile(
                "msg\\([\"'](kundkonto\\w+)[\"']|label=\"(kundkonto\\w+)\"|\"(kundkonto(?:Role)\\w+)\"");
        for (String locale : LOCALES) {
            Properties messages = loginPage(locale);
            for (Path dir : List.of(LOGIN, PACK.resolve("templates"))) {
                try (Stream<Path> templates = Files.list(dir)) {
                    for (Path template :
                            templates.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                        Matcher m = used.matcher(Files.readString(template));
                        while (m.find()) {
                            String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                            assertThat(messages)
                                    .as(template.getFileName() + " uses " + key + " (" + locale + ")")
                                    .containsKey(key);
                        }
                    }
                }
            }
        }
    }

    @Test
    void thePacksPagesAreInThePackNotInTheTheme() throws IOException {
        for (String page : List.of(
                "kundkonto-verify-customer.ftl", "kundkonto-select-customer.ftl", "kundkonto-accept-invitation.ftl")) {
            assertThat(PACK.resolve("templates").resolve(page)).isRegularFile();
            assertThat(LOGIN.resolve(page)).doesNotExist();
        }
    }

    @Test
    void everyForkOfAKeycloakTemplateSaysWhyItExists() throws IOException {
        try (Stream<Path> templates = Files.list(LOGIN)) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                assertThat(Files.readAllLines(template).get(0))
                        .as(template.getFileName().toString())
                        .startsWith("<#-- Fork of ");
            }
        }
    }

    @Test
    void errorKeysRaisedByTheAuthenticatorsAreDefinedInThePack() throws IOException {
        for (String locale : LOCALES) {
            assertThat(load(PACK, locale))
                    .containsKeys(
                            "kundkontoCustomerNumberMissing",
                            "kundkontoOrgDigitsMissing",
                            "kundkontoVerificationFailed",
                            "kundkontoVerificationLocked",
                            "kundkontoRegistryUnavailable",
                            "kundkontoCustomerNotVerified",
                            "kundkontoPhoneInvalid",
                            "kundkontoNotAMember",
                            "kundkontoOtpResetEmailSent",
                            "kundkontoInvitationInvalid");
        }
    }
}
