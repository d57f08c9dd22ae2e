package se.kundkonto.api.uptake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import se.kundkonto.api.InvalidInput;

class UptakeQueryTest {

    private static void refused(Runnable read) {
        assertThatThrownBy(read::run).isInstanceOf(InvalidInput.class);
    }

    @Test
    void absentParametersTakeTheirDefaults() {
        assertThat(UptakeQuery.days(null)).isEqualTo(30);
        assertThat(UptakeQuery.days("")).isEqualTo(30);
        assertThat(UptakeQuery.max(null)).isEqualTo(100);
        assertThat(UptakeQuery.after("")).isNull();
        assertThat(UptakeQuery.search("   ")).isNull();
    }

    @Test
    void numbersInRangeAreKeptAndMaxIsCapped() {
        assertThat(UptakeQuery.days("1")).isEqualTo(1);
        assertThat(UptakeQuery.days("3660")).isEqualTo(3660);
        assertThat(UptakeQuery.max("999999999")).isEqualTo(500);
        assertThat(UptakeQuery.after("0102030405")).isEqualTo("0102030405");
        assertThat(UptakeQuery.search("  Syd ")).isEqualTo("Syd");
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"0", "3661", "-1", "+1", "1e3", "abc", " 1", "9999999999", "１"}) {
            refused(() -> UptakeQuery.days(bad));
        }
        for (String bad : new String[] {"0", "-5", "abc", "9999999999"}) {
            refused(() -> UptakeQuery.max(bad));
        }
        for (String bad : new String[] {"' or 1=1", "1234567890123", "01 02", "ö", "%"}) {
            refused(() -> UptakeQuery.after(bad));
        }
        refused(() -> UptakeQuery.search("x".repeat(101)));
        refused(() -> UptakeQuery.search("a\u0000b"));
    }
}
