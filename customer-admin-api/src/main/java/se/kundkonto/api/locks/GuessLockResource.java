package se.kundkonto.api.locks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import se.kundkonto.accounts.MembershipEvents;
import se.kundkonto.accounts.verification.GuessBudget;
import se.kundkonto.customer.CustomerNumber;
import se.kundkonto.customer.GuessLimits;
import se.kundkonto.customer.GuessThrottle;
import se.kundkonto.customer.GuessThrottle.CustomerNumberOrRaw;

/**
 * A realm admin's view of one customer number's guess count, and the unlock. Viewing needs the
 * right to view users, clearing the right to manage them (realm-management roles), like the
 * brute-force status of a user in Keycloak's own admin API. It answers the same for any number:
 * the counts exist for unknown numbers too.
 */
public final class GuessLockResource {

    static final String UNLOCKED = "verification_unlocked";
    static final String RESOURCE_TYPE = "KUNDKONTO_GUESS_LOCK";

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final GuessThrottle throttle;

    GuessLockResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.throttle = GuessBudget.of(session, realm);
    }

    @GET
    @Path("{customerNumber}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response state(@PathParam("customerNumber") String typed) {
        auth.users().requireView();
        Optional<CustomerNumber> number = CustomerNumber.parse(typed);
        if (number.isEmpty()) {
            return invalid();
        }
        GuessThrottle.State state = throttle.state(
                realm.getId(), CustomerNumberOrRaw.of(number.get().value()));
        GuessLimits limits = throttle.limits();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerNumber", number.get().value());
        body.put("locked", state.locked());
        body.put("failuresInWindow", state.failuresInWindow());
        body.put("failuresInDay", state.failuresInDay());
        body.put("maxFailuresPerCustomer", limits.maxFailuresPerCustomer());
        body.put("windowMinutes", limits.windowSeconds() / 60);
        body.put("maxFailuresPerCustomerPerDay", limits.maxFailuresPerCustomerPerDay());
        body.put("maxFailuresPerBucket", limits.perBucket());
        body.put("bucketHours", GuessLimits.BUCKET_SECONDS / 3600);
        return Response.ok(body).build();
    }

    @DELETE
    @Path("{customerNumber}")
    public Response clear(@PathParam("customerNumber") String typed) {
        auth.users().requireManage();
        Optional<CustomerNumber> number = CustomerNumber.parse(typed);
        if (number.isEmpty()) {
            return invalid();
        }
        throttle.clear(realm.getId(), CustomerNumberOrRaw.of(number.get().value()));
        adminEvent
                .operation(OperationType.DELETE)
                .resource(RESOURCE_TYPE)
                .resourcePath(
                        GuessLockResourceProviderFactory.PROVIDER_ID,
                        number.get().value())
                .detail(MembershipEvents.DETAIL_CUSTOMER, number.get().value())
                .detail(MembershipEvents.DETAIL_EVENT, UNLOCKED)
                .success();
        return Response.noContent().build();
    }

    private static Response invalid() {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "invalid_customer_number", "error_description", "4 to 12 digits"))
                .build();
    }
}
