package se.kundkonto.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PackVersionTest {

    @Test
    void theBuildFillsInTheVersions() {
        assertThat(PackVersion.VERSION).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(PackVersion.KEYCLOAK).matches("26\\.\\d+\\.\\d+");
    }

    @Test
    void operationalInfoStartsWithTheVersionsAndKeepsTheProvidersOwn() {
        Map<String, String> info = PackVersion.with(Map.of("path", "/realms/{realm}/kundkonto"));
        assertThat(info.keySet()).containsExactly("kundkontoVersion", "builtForKeycloak", "path");
        assertThat(info)
                .containsEntry("kundkontoVersion", PackVersion.VERSION)
                .containsEntry("path", "/realms/{realm}/kundkonto");
    }
}
