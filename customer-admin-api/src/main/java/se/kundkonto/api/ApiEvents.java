package se.kundkonto.api;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import se.kundkonto.auth.organization.CustomerRole;

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
        return new ApiEvents(new AdminEventBuilder(realm, author, session, session.getContext().getConnection()));
    }

    void roleChanged(OrganizationModel org, UserModel member, CustomerRole role) {
        events.operation(OperationType.UPDATE).resource(ResourceType.ORGANIZATION_GROUP_MEMBERSHIP)
                .resourcePath("organizations", org.getId(), "members", member.getId())
                .detail("kundkonto_customer_number", org.getAlias())
                .detail("kundkonto_event", "role_changed")
                .detail("kundkonto_role", role.groupName())
                .success();
    }

    void memberRemoved(OrganizationModel org, UserModel member) {
        events.operation(OperationType.DELETE).resource(ResourceType.ORGANIZATION_MEMBERSHIP)
                .resourcePath("organizations", org.getId(), "members", member.getId())
                .detail("kundkonto_customer_number", org.getAlias())
                .detail("kundkonto_event", "member_removed")
                .success();
    }

    void customerUpdated(OrganizationModel org) {
        events.operation(OperationType.UPDATE).resource(ResourceType.ORGANIZATION)
                .resourcePath("organizations", org.getId())
                .detail("kundkonto_customer_number", org.getAlias())
                .detail("kundkonto_event", "company_details_updated")
                .success();
    }
}
