package se.kundkonto.auth.otp;

import org.keycloak.authentication.actiontoken.DefaultActionToken;

/** The e-mailed "Återställ tvåfaktorsautentisering" link: for one user, single use, short-lived. */
public final class ResetOtpActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "kundkonto-reset-otp";

    public ResetOtpActionToken(
            String userId,
            String email,
            int absoluteExpirationInSecs,
            String compoundAuthenticationSessionId,
            String clientId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null, compoundAuthenticationSessionId);
        setEmail(email);
        this.issuedFor = clientId;
    }

    /** For JSON deserialization. */
    private ResetOtpActionToken() {}
}
