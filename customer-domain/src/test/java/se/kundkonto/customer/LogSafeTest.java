package se.kundkonto.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void customerNumbersPassUnchanged() {
        assertThat(LogSafe.typed(" 01020304 ")).isEqualTo("01020304");
        assertThat(LogSafe.typed("0102 0304")).isEqualTo("0102 0304");
    }

    @Test
    void controlCharactersCannotForgeLogLines() {
        assertThat(LogSafe.typed("0102\r\n2026-12-01 INFO admin logged in"))
                .isEqualTo("01022026-12-01 INFO admin logged in");
        assertThat(LogSafe.typed("\u000101020304\u200b\u202e")).isEqualTo("01020304");
    }

    @Test
    void personnummerShapesAreMasked() {
        assertThat(LogSafe.typed("800101-1234")).isEqualTo("800101-XXXX");
        assertThat(LogSafe.typed("19800101-1234")).isEqualTo("19800101-XXXX");
        assertThat(LogSafe.typed("198001011234")).isEqualTo("19800101XXXX");
        assertThat(LogSafe.typed("8001011234")).isEqualTo("800101XXXX");
        assertThat(LogSafe.typed("800101+1234")).isEqualTo("800101+XXXX");
        assertThat(LogSafe.typed("800161-1234")).as("samordningsnummer").isEqualTo("800161-XXXX");
        assertThat(LogSafe.typed("800101-12\n34")).isEqualTo("800101-XXXX");
    }

    @Test
    void organisationNumbersAreNotPersonalData() {
        assertThat(LogSafe.typed("556012-3456")).isEqualTo("556012-3456");
    }

    @Test
    void lengthIsBounded() {
        assertThat(LogSafe.typed("1".repeat(1000))).hasSize(64);
        assertThat(LogSafe.typed(null)).isEmpty();
    }
}
