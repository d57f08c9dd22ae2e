package se.kundkonto.auth.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RequireAcrMapperTest {

    @Test
    void acceptedValuesAreKeycloaksMultivaluedString() {
        assertThat(RequireAcrMapper.accepted(Map.of("acceptedAcr", "urn:a##urn:b## 1 ")))
                .containsExactly("urn:a", "urn:b", "1");
    }

    @Test
    void nothingConfiguredAcceptsNothing() {
        assertThat(RequireAcrMapper.accepted(Map.of())).isEmpty();
        assertThat(RequireAcrMapper.accepted(Map.of("acceptedAcr", "  "))).isEmpty();
        assertThat(RequireAcrMapper.accepted(null)).isEmpty();
    }
}
