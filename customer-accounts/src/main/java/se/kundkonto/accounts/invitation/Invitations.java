package se.kundkonto.accounts.invitation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.keycloak.email.EmailException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.InvitationManager;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.KundkontoMetrics;
import se.kundkonto.accounts.notice.KundkontoMail;

/**
 * Invitations to a customer account, kept as Keycloak's own organization invitations (so realm admins
 * see and can delete them in the admin console) and e-mailed as a link into the portal's login:
 * {@code kc_action=kundkonto-accept-invitation:<signed invitation>}. Someone who already has an
 * account logs in and accepts; a new person lands on the registration form and needs no digits.
 */
public final class Invitations {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final InvitationManager manager;

    public Invitations(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.manager = session.getProvider(OrganizationProvider.class).getInvitationManager();
    }

    /** The customer account has sent as many invitations in the last 24 hours as the realm allows. */
    public static final class BudgetSpent extends Exception {
        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    /**
     * Stores and e-mails an invitation; an earlier one to the same address is replaced, so its link stops working.
     * {@code redirectUri} must already be verified against {@code client}. Counts against the account's
     * invitation budget, unless the mail could not be sent.
     */
    public OrganizationInvitationModel send(
            OrganizationModel org,
            String email,
            CustomerRole role,
            UserModel inviter,
            ClientModel client,
            String redirectUri)
            throws EmailException, BudgetSpent {
        InvitationBudget budget = new InvitationBudget(session, realm);
        InvitationBudget.Slot slot = budget.claim(org);
        if (slot == null) {
            throw new BudgetSpent();
        }
        try {
            OrganizationInvitationModel sent = store(org, email, role, inviter, client, redirectUri);
            KundkontoMetrics.invitation("sent");
            return sent;
        } catch (EmailException | RuntimeException notSent) {
            budget.release(slot);
            throw notSent;
        }
    }

    private OrganizationInvitationModel store(
            OrganizationModel org,
            String email,
            CustomerRole role,
            UserModel inviter,
            ClientModel client,
            String redirectUri)
            throws EmailException {
        OrganizationInvitationModel earlier = manager.getByEmail(org, email);
        if (earlier != null) {
            manager.remove(earlier.getId());
        }
        OrganizationInvitationModel invitation = manager.create(org, email, null, null);
        InvitationToken token = new InvitationToken(
                invitation.getId(),
                email,
                org.getAlias(),
                role.groupName(),
                inviter.getId(),
                invitation.getExpiresAt(),
                client.getClientId(),
                redirectUri);
        UserModel invitee = session.users().getUserByEmail(realm, email);
        UserModel recipient = invitee != null ? invitee : newcomer(email);
        String link = link(
                token.serialize(session, realm, session.getContext().getUri()),
                session.getContext().resolveLocale(recipient).toLanguageTag());
        invitation.setInviteLink(link);

        try {
            mail(recipient, org, inviter, role, link, invitation);
        } catch (EmailException e) {
            manager.remove(invitation.getId()); // nobody got the link: do not leave a dangling invitation
            throw e;
        }
        return invitation;
    }

    private void mail(
            UserModel recipient,
            OrganizationModel org,
            UserModel inviter,
            CustomerRole role,
            String link,
            OrganizationInvitationModel invitation)
            throws EmailException {
        KundkontoMail.to(session, realm, recipient)
                .with("companyName", org.getName())
                .with("customerNumber", org.getAlias())
                .with("inviterName", KundkontoMail.nameOf(inviter))
                .with("role", role.groupName())
                .with("link", link)
                .with("newUser", recipient.getId() == null)
                .with(
                        "linkExpirationMinutes",
                        TimeUnit.SECONDS.toMinutes(Math.max(0, invitation.getExpiresAt() - invitation.getCreatedAt())))
                .send("kundkontoInvitationSubject", "kundkonto-invitation.ftl");
    }

    public List<OrganizationInvitationModel> pending(OrganizationModel org) {
        return manager.getAllStream(org, Map.of(), null, null)
                .filter(i -> !i.isExpired())
                .toList();
    }

    /** Deletes a pending invitation of this customer account; false if there is none with that id. */
    public boolean revoke(OrganizationModel org, String invitationId) {
        OrganizationInvitationModel invitation = invitationId == null ? null : manager.getById(invitationId);
        return invitation != null && org.getId().equals(invitation.getOrganizationId()) && manager.remove(invitationId);
    }

    /** Spends an accepted invitation. */
    public void consume(Invitation invitation) {
        manager.remove(invitation.id());
        KundkontoMetrics.invitation("accepted");
    }

    /**
     * The link opens the pack's own page ({@link Invitation#LINK_PATH}), not the client's authorization endpoint:
     * only the client itself can make its PKCE challenge, so a link that posed as its authorization request
     * fails for every client that requires PKCE. The pages the link opens speak the e-mail's language.
     */
    private String link(String token, String locale) {
        URI uri = session.getContext()
                .getUri()
                .getBaseUriBuilder()
                .path("realms/{realm}/" + Invitation.LINK_PATH)
                .queryParam(Invitation.LINK_KEY, token)
                .queryParam(OIDCLoginProtocol.UI_LOCALES_PARAM, locale)
                .buildFromMap(Map.of("realm", realm.getName()));
        return uri.toString();
    }

    /** Someone without an account yet: only an address to write to, in the realm's default language. */
    private UserModel newcomer(String email) {
        UserModel user = new InMemoryUserAdapter(session, realm, null);
        user.setEmail(email);
        return user;
    }
}
