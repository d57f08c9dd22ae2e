package se.kundkonto.api.uptake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.StorageUnavailableException;

import se.kundkonto.accounts.uptake.UnclaimedPage;
import se.kundkonto.accounts.uptake.UptakeReport;
import se.kundkonto.api.ApiError;
import se.kundkonto.api.InvalidInput;
import se.kundkonto.registry.CustomerRegistryProvider;
import se.kundkonto.registry.RegistryListing;

/**
 * How many of the registry's customers have moved to personal accounts, for those who may view the realm's
 * users. Served twice: at {@code /realms/{realm}/kundkonto/admin/uptake} for the realm's own admins and
 * customer service (see {@link RealmAdmin}), with the report page; and at
 * {@code /admin/realms/{realm}/kundkonto-uptake} in Keycloak's admin API, for admin tokens of any realm that
 * may (a master-realm admin, the admin console). Only reads: every method is a GET and changes nothing. The
 * page ({@code …/page}) is static and public; it signs the admin in (authorization code with PKCE, client
 * {@code kundkonto-uptake-report}) and reads the JSON with the token, so a prefetch or a link checker
 * fetching it learns nothing and changes nothing.
 */
public final class UptakeResource {

    private static final Logger LOG = Logger.getLogger(UptakeResource.class);

    static final String CSV_HEADER = "customer_number,company_name\r\n";
    private static final String NO_STORE = "no-store";
    private static final String PAGE_CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                    + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Runnable requireView;
    private final boolean withPage;

    private UptakeResource(KeycloakSession session, RealmModel realm, Runnable requireView, boolean withPage) {
        this.session = session;
        this.realm = realm;
        this.requireView = requireView;
        this.withPage = withPage;
    }

    /** For a bearer token of the realm itself, with the report page. */
    public static UptakeResource forRealmUsers(KeycloakSession session) {
        return new UptakeResource(
                session, session.getContext().getRealm(), () -> RealmAdmin.requireViewUsers(session), true);
    }

    /** Inside Keycloak's admin API, which has authenticated the caller; no page (it signs in to the realm itself). */
    static UptakeResource forAdminApi(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        return new UptakeResource(session, realm, () -> auth.users().requireView(), false);
    }

    /** The counts; first claims per day over the last {@code days} (default 30). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response summary(@QueryParam("days") String days) {
        requireView.run();
        int window = query(() -> UptakeQuery.days(days));
        return fresh(UptakeBody.of(registryRead(session, realm, report -> report.summary(window))));
    }

    /** One page of active customers without members, by number; {@code after} is the {@code next} of the page before. */
    @GET
    @Path("unclaimed")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unclaimed(
            @QueryParam("search") String search, @QueryParam("after") String after, @QueryParam("max") String max) {
        requireView.run();
        String text = query(() -> UptakeQuery.search(search));
        String cursor = query(() -> UptakeQuery.after(after));
        int size = query(() -> UptakeQuery.max(max));
        return fresh(UnclaimedBody.of(registryRead(session, realm, report -> report.unclaimed(text, cursor, size))));
    }

    /**
     * All of them as CSV (RFC 4180, UTF-8), written as it is read: the first chunk is read before the answer
     * starts, so a registry that is down is a 503, not an empty file; each further chunk is read in a
     * transaction of its own, so a registry of a million rows costs the server no more memory than a chunk.
     */
    @GET
    @Path("unclaimed.csv")
    @Produces("text/csv")
    public Response unclaimedCsv(@QueryParam("search") String search) {
        requireView.run();
        String text = query(() -> UptakeQuery.search(search));
        UnclaimedPage first = registryRead(session, realm, report -> report.unclaimed(text, null, UptakeReport.CHUNK));
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        StreamingOutput body = out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write(CSV_HEADER);
            UnclaimedPage page = first;
            while (true) {
                for (RegistryListing customer : page.customers()) {
                    csv.write(CsvField.of(customer.customerNumber()) + "," + CsvField.of(customer.companyName())
                            + "\r\n");
                }
                if (page.next() == null) {
                    break;
                }
                String after = page.next();
                try {
                    page = KeycloakModelUtils.runJobInTransactionWithResult(factory, own -> {
                        RealmModel ownRealm = own.realms().getRealm(realmId);
                        if (ownRealm == null) {
                            throw new IllegalStateException("the realm was removed");
                        }
                        own.getContext().setRealm(ownRealm);
                        return registryRead(own, ownRealm, report -> report.unclaimed(text, after, UptakeReport.CHUNK));
                    });
                } catch (RuntimeException e) {
                    // The answer has begun: all that is left is to cut the connection, so the file is seen to be short.
                    LOG.warnf(
                            "Uptake CSV export of realm %s ended after customer %s: %s", realmId, after, e.toString());
                    throw new IOException("uptake export ended early", e);
                }
            }
            csv.flush();
        };
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(Time.currentTimeMillis()), UptakeReport.ZONE)
                .toString();
        String file = "kundkonto-unclaimed-" + realm.getName().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + day + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", NO_STORE)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The report page: static, for a browser; it signs in and reads the JSON itself. */
    @GET
    @Path("page")
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return withPage ? asset("page.html", "text/html; charset=UTF-8") : notFound();
    }

    @GET
    @Path("page.js")
    public Response script() {
        return withPage ? asset("page.js", "text/javascript; charset=UTF-8") : notFound();
    }

    @GET
    @Path("page.css")
    public Response style() {
        return withPage ? asset("page.css", "text/css; charset=UTF-8") : notFound();
    }

    private static Response notFound() {
        throw new NotFoundException();
    }

    private static Response asset(String name, String type) {
        InputStream in = UptakeResource.class.getResourceAsStream(name);
        if (in == null) {
            throw new NotFoundException();
        }
        try (in) {
            return Response.ok(in.readAllBytes(), type)
                    .header("Content-Security-Policy", PAGE_CSP)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY")
                    .header("Cache-Control", "no-cache")
                    .build();
        } catch (IOException e) {
            throw new NotFoundException();
        }
    }

    private static <T> T query(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput refusal) {
            throw ApiError.badRequest(refusal);
        }
    }

    private static Response fresh(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", NO_STORE)
                .build();
    }

    /** A read of the report; a registry that is missing, switched off or not answering is a 503 that says so. */
    private static <T> T registryRead(KeycloakSession session, RealmModel realm, Function<UptakeReport, T> read) {
        CustomerRegistryProvider registry = CustomerRegistryProvider.of(session, realm)
                .orElseThrow(() -> ApiError.unavailable(
                        "registry_unavailable", "The realm has no customer registry switched on."));
        try {
            return read.apply(new UptakeReport(session, realm, registry));
        } catch (StorageUnavailableException e) {
            throw ApiError.unavailable(
                    "registry_unavailable", "The customer registry does not answer; try again later.");
        }
    }
}
