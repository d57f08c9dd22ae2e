package se.kundkonto.accounts;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

import se.kundkonto.accounts.verification.CustomerVerifier;

/**
 * The pack's counters in Keycloak's Micrometer registry: {@code /metrics} on the management port when the
 * server runs with {@code metrics-enabled=true} (Prometheus names end in {@code _total}). Without metrics
 * the global registry is empty and every call here does nothing. Tags take a handful of fixed values
 * only (never a customer number, a user or an address), so the series stay few.
 */
public final class KundkontoMetrics {

    /** Where a person typed a customer number and digits. */
    public enum EntryPoint {
        REGISTRATION("registration"),
        LOGIN_FORM("login-form"),
        ADD_CUSTOMER("add-customer"),
        BANKID("bankid");

        private final String tag;

        EntryPoint(String tag) {
            this.tag = tag;
        }
    }

    private KundkontoMetrics() {}

    /** {@code kundkonto_verifications_total{entry_point, outcome}}; a lock it started also counts in {@code kundkonto_lockouts_total}. */
    public static void verification(EntryPoint entryPoint, CustomerVerifier.Result result) {
        Counter.builder("kundkonto.verifications")
                .description("Customer verifications (customer number + last four digits) by outcome")
                .tag("entry_point", entryPoint.tag)
                .tag("outcome", result.outcome().name().toLowerCase(Locale.ROOT))
                .register(Metrics.globalRegistry)
                .increment();
        if (result.lockStarted()) {
            Counter.builder("kundkonto.lockouts")
                    .description("Customer numbers or client addresses locked after too many wrong answers")
                    .tag("entry_point", entryPoint.tag)
                    .register(Metrics.globalRegistry)
                    .increment();
        }
    }

    /** {@code kundkonto_joins_total{policy, role}}: someone became a member (policy {@code invitation} for an accepted invitation). */
    public static void joined(String policy, CustomerRole role) {
        Counter.builder("kundkonto.joins")
                .description("Members who joined a customer account, by join policy and role")
                .tag("policy", policy)
                .tag("role", role.groupName().toLowerCase(Locale.ROOT))
                .register(Metrics.globalRegistry)
                .increment();
    }

    /** {@code kundkonto_join_notices_failed_total}: an Admin who could not be told by e-mail that someone joined. */
    public static void joinNoticeFailed() {
        Counter.builder("kundkonto.join.notices.failed")
                .description("Join notices to Admins that could not be sent")
                .register(Metrics.globalRegistry)
                .increment();
    }

    /** {@code kundkonto_invitations_total{event=sent|accepted}}. */
    public static void invitation(String event) {
        Counter.builder("kundkonto.invitations")
                .description("Invitations e-mailed and accepted")
                .tag("event", event)
                .register(Metrics.globalRegistry)
                .increment();
    }
}
