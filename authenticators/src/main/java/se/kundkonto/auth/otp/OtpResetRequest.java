package se.kundkonto.auth.otp;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A 2FA reset in progress in one browser's authentication session: the e-mailed link was opened here
 * (which changes nothing) and names the user whose authenticator may be replaced once that user has
 * signed in here. The link is spent only when the signed-in user matches ({@link #claim}), atomically
 * across the cluster, so one link replaces at most one authenticator.
 */
final class OtpResetRequest {

    private static final String NOTE_USER = "kundkonto.otpReset.user";
    private static final String NOTE_TOKEN_KEY = "kundkonto.otpReset.tokenKey";
    private static final String NOTE_EXPIRES = "kundkonto.otpReset.expires";
    private static final String NOTE_CLAIMED = "kundkonto.otpReset.claimed";

    private OtpResetRequest() {}

    static void open(AuthenticationSessionModel authSession, ResetOtpActionToken token) {
        authSession.setAuthNote(NOTE_USER, token.getUserId());
        authSession.setAuthNote(NOTE_TOKEN_KEY, token.serializeKey());
        authSession.setAuthNote(NOTE_EXPIRES, String.valueOf(token.getExp()));
        authSession.removeAuthNote(NOTE_CLAIMED);
    }

    /** The outcome of asking, once a user has signed in, whether this session may replace their authenticator. */
    enum Claim {
        NONE,
        CLAIMED,
        ALREADY_USED
    }

    /**
     * For the user who has just signed in in this authentication session: spends the link (once, cluster-wide)
     * when it was opened here for this very user. Anyone else who signs in here is not affected.
     */
    static Claim claim(KeycloakSession session, AuthenticationSessionModel authSession, UserModel user) {
        if (user == null || !user.getId().equals(authSession.getAuthNote(NOTE_USER))) {
            return Claim.NONE;
        }
        if ("true".equals(authSession.getAuthNote(NOTE_CLAIMED))) {
            return Claim.CLAIMED;
        }
        long lifespan = Long.parseLong(authSession.getAuthNote(NOTE_EXPIRES)) - Time.currentTime();
        String tokenKey = authSession.getAuthNote(NOTE_TOKEN_KEY);
        boolean first = lifespan > 0
                && session.singleUseObjects().putIfAbsent("kundkonto.otpReset.spent." + tokenKey, lifespan);
        if (!first) {
            close(authSession);
            return Claim.ALREADY_USED;
        }
        // Where Keycloak itself looks when a link is opened, so a spent link is refused at the door too.
        session.revokedTokens().put(tokenKey, lifespan);
        authSession.setAuthNote(NOTE_CLAIMED, "true");
        return Claim.CLAIMED;
    }

    static boolean isClaimedFor(AuthenticationSessionModel authSession, UserModel user) {
        return user != null
                && user.getId().equals(authSession.getAuthNote(NOTE_USER))
                && "true".equals(authSession.getAuthNote(NOTE_CLAIMED));
    }

    static void close(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(NOTE_USER);
        authSession.removeAuthNote(NOTE_TOKEN_KEY);
        authSession.removeAuthNote(NOTE_EXPIRES);
        authSession.removeAuthNote(NOTE_CLAIMED);
    }
}
