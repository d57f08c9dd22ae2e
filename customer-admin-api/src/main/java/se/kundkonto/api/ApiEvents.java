package se.kundkonto.api;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.MembershipEvents;

/**
 * Changes made through the API are admin events (Admin console → Events → Admin events), with the
 * customer Admin who made them as the author and the customer number in the details.
 */
final class ApiEvents {

    private final AdminEventBuilder events;

    private ApiEvents(AdminEventBuilder events) {
        this.events = events;
    }

    static ApiEvents of(KeycloakSession session, Caller caller) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = realm.getClientByClientId(caller.token().getIssuedFor());
        AdminAuth author = new AdminAuth(realm, caller.token(), caller.user(), client);
        return new ApiEvents(new AdminEventBuilder(
                realm, author, session, session.getContext().getConnection()));
    }

    void roleChanged(OrganizationModel org, UserModel member, CustomerRole role) {
        event(
                        OperationType.UPDATE,
                        ResourceType.ORGANIZATION_GROUP_MEMBERSHIP,
                        org,
                        MembershipEvents.ROLE_CHANGED,
                        "organizations",
                        org.getId(),
                        "members",
                        member.getId())
                .detail(MembershipEvents.DETAIL_ROLE, role.groupName())
                .success();
    }

    void memberRemoved(OrganizationModel org, UserModel member, boolean leftThemselves) {
        event(
                        OperationType.DELETE,
                        ResourceType.ORGANIZATION_MEMBERSHIP,
                        org,
                        leftThemselves ? MembershipEvents.LEFT : MembershipEvents.REMOVED,
                        "organizations",
                        org.getId(),
                        "members",
                        member.getId())
                .success();
    }

    void invited(OrganizationModel org, OrganizationInvitationModel invitation, CustomerRole role) {
        event(
                        OperationType.ACTION,
                        ResourceType.ORGANIZATION_MEMBERSHIP,
                        org,
                        MembershipEvents.INVITED,
                        "organizations",
                        org.getId(),
                        "invitations",
                        invitation.getId())
                .detail(MembershipEvents.DETAIL_ROLE, role.groupName())
                .success();
    }

    void invitationRevoked(OrganizationModel org, String invitationId) {
        event(
                        OperationType.DELETE,
                        ResourceType.ORGANIZATION_MEMBERSHIP,
                        org,
                        MembershipEvents.INVITATION_REVOKED,
                        "organizations",
                        org.getId(),
                        "invitations",
                        invitationId)
                .success();
    }

    void customerUpdated(OrganizationModel org) {
        event(
                        OperationType.UPDATE,
                        ResourceType.ORGANIZATION,
                        org,
                        MembershipEvents.COMPANY_DETAILS_UPDATED,
                        "organizations",
                        org.getId())
                .success();
    }

    private AdminEventBuilder event(
            OperationType operation, ResourceType resource, OrganizationModel org, String what, String... path) {
        return events.operation(operation)
                .resource(resource)
                .resourcePath(path)
                .detail(MembershipEvents.DETAIL_CUSTOMER, org.getAlias())
                .detail(MembershipEvents.DETAIL_EVENT, what);
    }
}
