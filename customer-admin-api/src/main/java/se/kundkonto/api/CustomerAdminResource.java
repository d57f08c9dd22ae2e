package se.kundkonto.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.LastAdminException;
import se.kundkonto.accounts.ManagedMemberException;
import se.kundkonto.accounts.MemberDirectory;
import se.kundkonto.accounts.NotAdminException;
import se.kundkonto.accounts.invitation.Invitations;
import se.kundkonto.api.uptake.UptakeResource;

/**
 * {@code /realms/{realm}/kundkonto}: what the portal shows customer Admins. The caller is the user of
 * the bearer token (which must carry the {@code kundkonto} scope); every request re-checks their
 * membership and role. A customer account the caller does not belong to answers 404, exactly like
 * one that does not exist. Every body it takes or returns is one of the records of this package
 * (described by {@code openapi.yaml}, which {@code OpenApiContractTest} holds to them); request bodies are
 * read by {@link RequestJson} and checked by their record, so a wrong body is a 400 with
 * {@code error} and {@code error_description}.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class CustomerAdminResource {

    private static final Logger LOG = Logger.getLogger(CustomerAdminResource.class);

    private final KeycloakSession session;

    CustomerAdminResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * One page of the caller's customer accounts, by customer number; {@code search} (company name or
     * customer number), {@code first}, {@code max} as {@link PageRequest} reads them, the total in the
     * {@value PageRequest#TOTAL_HEADER} header.
     */
    @GET
    @Path("customers")
    public List<CustomerSummary> myCustomers(
            @QueryParam("search") String search, @QueryParam("first") String first, @QueryParam("max") String max) {
        Caller caller = Caller.authenticate(session);
        PageRequest page = query(() -> PageRequest.parse(search, first, max));
        CustomerAccounts accounts = accounts();
        total(accounts.membershipCount(caller.user(), page.search()));
        return accounts.membershipsOf(caller.user(), page.search(), page.first(), page.max()).stream()
                .map(CustomerSummary::of)
                .toList();
    }

    /** The realm admins' uptake report: authorised on its own (realm-management view-users), not by the rules above. */
    @Path("admin/uptake")
    public UptakeResource uptake() {
        return UptakeResource.forRealmUsers(session);
    }

    @GET
    @Path("customers/{number}")
    public CompanyDetails company(@PathParam("number") String number) {
        Caller caller = Caller.authenticate(session);
        return CompanyDetails.of(session, caller.memberOf(accounts(), number));
    }

    @PUT
    @Path("customers/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompanyDetails updateCompany(@PathParam("number") String number, String body) {
        Caller caller = Caller.authenticate(session);
        OrganizationModel org = caller.adminOf(accounts(), number);
        CompanyChanges changes = read(body, "any of " + CompanyChanges.EDITABLE, CompanyChanges::parse);
        CompanyDetails.update(session, org, changes);
        ApiEvents.of(session, caller).customerUpdated(org);
        // A fresh look: the organization adapter caches the attributes it read before the update.
        return CompanyDetails.of(session, caller.memberOf(accounts(), number));
    }

    /**
     * One page of the members, ordered by e-mail, with their roles; {@code search} (e-mail or name),
     * {@code role}, {@code first}, {@code max} as {@link PageRequest} reads them. The body stays a list;
     * how many the search finds in all is the {@value PageRequest#TOTAL_HEADER} header.
     */
    @GET
    @Path("customers/{number}/members")
    public List<Member> members(
            @PathParam("number") String number,
            @QueryParam("search") String search,
            @QueryParam("role") String role,
            @QueryParam("first") String first,
            @QueryParam("max") String max) {
        Caller caller = Caller.authenticate(session);
        CustomerAccounts accounts = accounts();
        OrganizationModel org = caller.memberOf(accounts, number);
        PageRequest page = query(() -> PageRequest.parse(search, first, max));
        CustomerRole filter = query(() -> PageRequest.role(role));
        MemberDirectory.Page found =
                new MemberDirectory(session, accounts).page(org, page.search(), filter, page.first(), page.max());
        total(found.total());
        return found.members().stream().map(Member::of).toList();
    }

    @PUT
    @Path("customers/{number}/members/{userId}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public Member changeRole(@PathParam("number") String number, @PathParam("userId") String userId, String body) {
        Caller caller = Caller.authenticate(session);
        CustomerAccounts accounts = accounts();
        OrganizationModel org = caller.adminOf(accounts, number);
        UserModel member = memberOrNotFound(accounts, org, userId);
        CustomerRole role = read(body, "role", RoleChange::parse).role();
        try {
            accounts.changeRole(org, caller.user(), member, role);
        } catch (LastAdminException | NotAdminException e) {
            throw DomainErrors.of(e);
        }
        ApiEvents.of(session, caller).roleChanged(org, member, role);
        return member(accounts, org, member);
    }

    /** An Admin removes a member; any member may also remove themselves ("leave"). */
    @DELETE
    @Path("customers/{number}/members/{userId}")
    public Response removeMember(@PathParam("number") String number, @PathParam("userId") String userId) {
        Caller caller = Caller.authenticate(session);
        CustomerAccounts accounts = accounts();
        boolean leaving = caller.user().getId().equals(userId);
        OrganizationModel org = leaving ? caller.memberOf(accounts, number) : caller.adminOf(accounts, number);
        UserModel member = memberOrNotFound(accounts, org, userId);
        try {
            accounts.removeMember(org, caller.user(), member);
        } catch (LastAdminException | NotAdminException | ManagedMemberException e) {
            throw DomainErrors.of(e);
        }
        ApiEvents.of(session, caller).memberRemoved(org, member, leaving);
        return Response.noContent().build();
    }

    @GET
    @Path("customers/{number}/invitations")
    public List<Invitation> invitations(@PathParam("number") String number) {
        Caller caller = Caller.authenticate(session);
        OrganizationModel org = caller.adminOf(accounts(), number);
        return invitationsOf().pending(org).stream().map(Invitation::of).toList();
    }

    /** Invites a person by e-mail; an existing user accepts after logging in, a new person registers through the link. */
    @POST
    @Path("customers/{number}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("number") String number, String body) {
        Caller caller = Caller.authenticate(session);
        CustomerAccounts accounts = accounts();
        OrganizationModel org = caller.adminOf(accounts, number);
        ClientModel client = session.getContext()
                .getRealm()
                .getClientByClientId(caller.token().getIssuedFor());
        InvitationRequest request =
                read(body, "email and role", json -> InvitationRequest.parse(session, client, json));
        UserModel existing = session.users().getUserByEmail(session.getContext().getRealm(), request.email());
        if (existing != null && accounts.membership(existing, number).isPresent()) {
            throw ApiError.conflict("already_member", "That person is already a member of this customer account.");
        }
        OrganizationInvitationModel invitation;
        try {
            invitation = invitationsOf()
                    .send(org, request.email(), request.role(), caller.user(), client, request.redirectUri());
        } catch (EmailException e) {
            LOG.warnf(e, "Could not e-mail an invitation to customer %s", number);
            throw ApiError.unavailable(
                    "email_failed", "The invitation could not be e-mailed; nothing was sent. Try again later.");
        } catch (Invitations.BudgetSpent e) {
            LOG.infof("Invitation refused: customer %s has spent its invitation budget for the last 24 hours", number);
            throw ApiError.tooManyRequests(
                    "too_many_invitations",
                    "This customer account has sent as many invitations in the last 24 hours as allowed. Try again later.");
        }
        ApiEvents.of(session, caller).invited(org, invitation, request.role());
        return Response.status(Response.Status.CREATED)
                .entity(Invitation.of(invitation))
                .build();
    }

    @DELETE
    @Path("customers/{number}/invitations/{invitationId}")
    public Response revokeInvitation(
            @PathParam("number") String number, @PathParam("invitationId") String invitationId) {
        Caller caller = Caller.authenticate(session);
        OrganizationModel org = caller.adminOf(accounts(), number);
        if (!invitationsOf().revoke(org, invitationId)) {
            throw ApiError.notFound("invitation_not_found", "No such pending invitation to this customer account.");
        }
        ApiEvents.of(session, caller).invitationRevoked(org, invitationId);
        return Response.noContent().build();
    }

    /** Query parameters as {@link PageRequest} reads them: 400 when they break its rules. */
    private static <T> T query(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput refusal) {
            throw ApiError.badRequest(refusal);
        }
    }

    private void total(long total) {
        session.getContext().getHttpResponse().setHeader(PageRequest.TOTAL_HEADER, Long.toString(total));
    }

    /** A request body as its record: 400 when it is no JSON object or breaks the record's rules. */
    private static <T> T read(String body, String expected, Function<JsonNode, T> record) {
        try {
            return record.apply(RequestJson.object(body, expected));
        } catch (InvalidInput refusal) {
            throw ApiError.badRequest(refusal);
        }
    }

    private Invitations invitationsOf() {
        return new Invitations(session, session.getContext().getRealm());
    }

    private UserModel memberOrNotFound(CustomerAccounts accounts, OrganizationModel org, String userId) {
        UserModel user = userId == null
                ? null
                : session.users().getUserById(session.getContext().getRealm(), userId);
        if (user == null || !accounts.isMember(org, user)) {
            throw ApiError.notFound("member_not_found", "No such member of this customer account.");
        }
        return user;
    }

    private static Member member(CustomerAccounts accounts, OrganizationModel org, UserModel user) {
        return Member.of(user, accounts.roleIn(org, user));
    }

    private CustomerAccounts accounts() {
        return new CustomerAccounts(session);
    }
}
