package se.kundkonto.auth.verification;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

import se.kundkonto.accounts.verification.VerifiedCustomer;

/**
 * Hands a customer verified at the login form (old company credentials) over to the registration
 * flow of the same browser tab. Keycloak clears auth notes when the flow switches from login to
 * registration, so the hand-over lives briefly in the cluster-wide single-use store instead.
 */
public final class PreverifiedCustomer {

    private static final long LIFESPAN_SECONDS = 10 * 60;

    private PreverifiedCustomer() {}

    public static void stash(
            KeycloakSession session, AuthenticationSessionModel authSession, VerifiedCustomer customer) {
        session.singleUseObjects().put(key(authSession), LIFESPAN_SECONDS, customer.toNotes());
    }

    /** Removes and returns the hand-over, so it is used at most once. */
    public static Optional<VerifiedCustomer> take(KeycloakSession session, AuthenticationSessionModel authSession) {
        SingleUseObjectProvider store = session.singleUseObjects();
        return VerifiedCustomer.fromNotes(store.remove(key(authSession)));
    }

    private static String key(AuthenticationSessionModel authSession) {
        return "kundkonto.preverified." + authSession.getParentSession().getId() + "." + authSession.getTabId();
    }
}
