package se.kundkonto.accounts.invitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The signed part of an invitation link: which customer account, which role, for which e-mail.
 * Its id is the id of Keycloak's stored organization invitation, which is what makes it single-use
 * and revocable: the link only works while that record exists.
 */
public final class InvitationToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "kundkonto-invitation";

    @JsonProperty("kk_cn")
    private String customerNumber;

    @JsonProperty("kk_role")
    private String role;

    /** Who vouched: the invitation holds only while this user is still an Admin of the customer account. */
    @JsonProperty("kk_inviter")
    private String inviterId;

    /** Where the person ends up once done: a redirect URI of the inviting client, checked when the invitation was sent. */
    @JsonProperty("kk_redirect")
    private String redirectUri;

    InvitationToken(
            String invitationId,
            String email,
            String customerNumber,
            String role,
            String inviterId,
            int expiresAt,
            String clientId,
            String redirectUri) {
        super(null, TOKEN_TYPE, expiresAt, null);
        id(invitationId);
        setEmail(email);
        this.customerNumber = customerNumber;
        this.role = role;
        this.inviterId = inviterId;
        this.issuedFor = clientId;
        this.redirectUri = redirectUri;
    }

    /** For JSON deserialization. */
    private InvitationToken() {}

    public String getCustomerNumber() {
        return customerNumber;
    }

    public String getRole() {
        return role;
    }

    public String getInviterId() {
        return inviterId;
    }

    public String getRedirectUri() {
        return redirectUri;
    }
}
