package se.kundkonto.accounts;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import se.kundkonto.accounts.notice.ClaimNotice;
import se.kundkonto.accounts.notice.JoinNotices;
import se.kundkonto.accounts.verification.VerifiedCustomer;

/**
 * A newcomer joins a customer account under the realm's join policy, and every existing Admin of it
 * is told by e-mail who joined, in which role, and where to remove them. The very first member has
 * no Admin to tell: the registry's contact e-mail of the company is told instead, when there is one.
 */
public final class Admission {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CustomerAccounts accounts;
    private final JoinPolicy policy;

    public Admission(KeycloakSession session, RealmModel realm, JoinPolicy policy) {
        this.session = session;
        this.realm = realm;
        this.accounts = new CustomerAccounts(session);
        this.policy = policy;
    }

    /** Admits the user to a just-verified customer's account (created from the registry data on first use). */
    public CustomerRole admit(VerifiedCustomer customer, UserModel newcomer) {
        return admit(accounts.ensure(customer), newcomer);
    }

    /**
     * Admits the user under the join policy (nothing changes for an existing member) and returns their role.
     * Serialized per customer account, so "first member becomes Admin" and the notices hold when many join at once.
     */
    public CustomerRole admit(OrganizationModel org, UserModel newcomer) {
        accounts.serialize(org);
        if (accounts.isMember(org, newcomer)) {
            return accounts.roleIn(org, newcomer);
        }
        return join(org, newcomer, policy.roleForNewcomer(accounts.adminCountInDatabase(org) > 0), policy.value());
    }

    /**
     * Admits the user in the role an Admin invited them to. An existing member keeps a real role they
     * already have; a pending one is approved by the invitation.
     */
    public CustomerRole admitAs(OrganizationModel org, UserModel invitee, CustomerRole role) {
        accounts.serialize(org);
        if (accounts.isMember(org, invitee) && accounts.roleIn(org, invitee) != CustomerRole.PENDING) {
            return accounts.roleIn(org, invitee);
        }
        return join(org, invitee, role, "invitation");
    }

    private CustomerRole join(OrganizationModel org, UserModel newcomer, CustomerRole role, String how) {
        List<UserModel> admins = accounts.admins(org);
        boolean firstClaim = admins.isEmpty() && accounts.memberCount(org) == 0;
        accounts.join(org, newcomer, role);
        KundkontoMetrics.joined(how, role);
        JoinNotices.sendAfterCommit(session, realm, org, newcomer, role, admins);
        if (firstClaim) {
            ClaimNotice.sendAfterCommit(session, realm, org, newcomer);
        }
        return role;
    }
}
