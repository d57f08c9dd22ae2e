package se.kundkonto.accounts;

import org.keycloak.events.EventBuilder;

/**
 * The details every membership event carries, whatever Keycloak event type it rides on (REGISTER,
 * CUSTOM_REQUIRED_ACTION, INVITE_ORG, or an admin event from the REST API), so one filter on
 * {@code kundkonto_event} in the admin console finds them all.
 */
public final class MembershipEvents {

    public static final String DETAIL_EVENT = "kundkonto_event";
    public static final String DETAIL_CUSTOMER = "kundkonto_customer_number";
    public static final String DETAIL_ROLE = "kundkonto_role";

    public static final String JOINED = "joined";
    public static final String SWITCHED = "switched";
    public static final String INVITED = "invited";
    public static final String INVITATION_REVOKED = "invitation_revoked";
    public static final String INVITATION_ACCEPTED = "invitation_accepted";
    public static final String ROLE_CHANGED = "role_changed";
    public static final String REMOVED = "member_removed";
    public static final String LEFT = "member_left";
    public static final String COMPANY_DETAILS_UPDATED = "company_details_updated";

    private MembershipEvents() {}

    /** Marks the event (REGISTER, first broker login, "Lägg till kundkonto") as someone joining a customer account. */
    public static EventBuilder joined(EventBuilder event, String customerNumber, CustomerRole role) {
        return event.detail(DETAIL_EVENT, JOINED)
                .detail(DETAIL_CUSTOMER, customerNumber)
                .detail(DETAIL_ROLE, role.groupName());
    }
}
