package se.kundkonto.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JoinPolicyTest {

    @Test
    void theFirstMemberIsAlwaysAdminSoSomeoneCanManageTheAccount() {
        for (JoinPolicy policy : JoinPolicy.values()) {
            assertThat(policy.roleForNewcomer(false)).as(policy.value()).isEqualTo(CustomerRole.ADMIN);
        }
    }

    @Test
    void laterMembersGetTheRoleThePolicySays() {
        assertThat(JoinPolicy.EVERYONE_ADMIN.roleForNewcomer(true)).isEqualTo(CustomerRole.ADMIN);
        assertThat(JoinPolicy.FIRST_ADMIN_THEN_USER.roleForNewcomer(true)).isEqualTo(CustomerRole.USER);
        assertThat(JoinPolicy.ADMIN_APPROVAL.roleForNewcomer(true)).isEqualTo(CustomerRole.PENDING);
    }
}
