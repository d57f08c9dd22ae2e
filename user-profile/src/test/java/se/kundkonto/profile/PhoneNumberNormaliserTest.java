package se.kundkonto.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberNormaliserTest {

    @Test
    void onlyTheUserItselfIsAProfileWrite() {
        assertThat(PhoneNumberNormaliser.userIdOf("users/3f1c")).hasValue("3f1c");
        assertThat(PhoneNumberNormaliser.userIdOf("users/3f1c/reset-password")).isEmpty();
        assertThat(PhoneNumberNormaliser.userIdOf("users/3f1c/groups/g1")).isEmpty();
        assertThat(PhoneNumberNormaliser.userIdOf("clients/3f1c")).isEmpty();
        assertThat(PhoneNumberNormaliser.userIdOf("users/")).isEmpty();
        assertThat(PhoneNumberNormaliser.userIdOf(null)).isEmpty();
    }
}
