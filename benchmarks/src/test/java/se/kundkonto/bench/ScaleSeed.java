package se.kundkonto.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The scale section's data, made through Keycloak's admin REST API before anything is timed: never
 * through the login pages, which would cost hours and time the wrong thing. Everything is copied from
 * a template the pack itself made (a customer account it claimed, a person who registered), so the
 * seeded data has the shape the pack gives it: organization with alias = customer number, its
 * attributes and description, the role groups {@code Admin}, {@code User}, {@code Pending} as
 * organization groups, an unmanaged membership and exactly one role group per member.
 */
final class ScaleSeed {

    /** The admin API is slow per call and the server has cores to spare while only we talk to it. */
    private static final int THREADS = 4;
    /** What the pack stores about the person's last chosen customer: seeded members never logged in. */
    private static final String LAST_USED = "kundkonto.lastCustomer";

    private final RealmResource realm;

    ScaleSeed(RealmResource realm) {
        this.realm = realm;
    }

    /**
     * {@code count} more customer accounts, customer numbers {@code 7000001…}, with the user as their one
     * member and Admin (as after a first claim). They need not be in the registry: login, picker and
     * claims read only the organizations.
     */
    void accountsFor(String userId, OrganizationRepresentation template, int count) {
        parallel(count, i -> {
            String number = customerNumber(i);
            OrganizationResource org =
                    realm.organizations().get(created(realm.organizations().create(account(template, number, i))));
            Map<String, String> groups = roleGroups(org);
            expect(org.members().addMember(userId), "membership in " + number);
            org.groups().group(groups.get("Admin")).addMember(userId);
        });
    }

    /** {@code count} more members of the customer account, each in the role group {@code User}, shaped like {@code template}. */
    void membersOf(OrganizationRepresentation account, UserRepresentation template, int count, String prefix) {
        OrganizationResource org = realm.organizations().get(account.getId());
        String userGroup = org.groups().getGroupByPath("User", false).getId();
        parallel(count, i -> {
            String userId = created(realm.users().create(member(template, prefix + "." + i + "@bench.se")));
            expect(org.members().addMember(userId), "membership of " + userId);
            org.groups().group(userGroup).addMember(userId);
        });
    }

    /** Customer numbers no registry customer of the demo has: 8 digits, starting with 7. */
    static String customerNumber(int i) {
        return String.format("7%07d", i + 1);
    }

    /** A Swedish organisation number {@code 556NNN-NNNN} whose last digit is the Luhn check digit, one per {@code i}. */
    static String orgNumber(int i) {
        String nine = String.format("556%06d", i % 1_000_000);
        int sum = 0;
        for (int d = 0; d < 9; d++) {
            int digit = (nine.charAt(d) - '0') * (d % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        String ten = nine + (10 - sum % 10) % 10;
        return ten.substring(0, 6) + "-" + ten.substring(6);
    }

    private static OrganizationRepresentation account(OrganizationRepresentation template, String number, int i) {
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setName("Skalkund " + number + " AB");
        org.setAlias(number);
        org.setEnabled(true);
        org.setDescription(template.getDescription().replace(template.getAlias(), number));
        Map<String, List<String>> attributes = new HashMap<>(template.getAttributes());
        attributes.put("customerNumber", List.of(number));
        attributes.put("orgNumber", List.of(orgNumber(i)));
        attributes.put("soleTrader", List.of("false"));
        org.setAttributes(attributes);
        return org;
    }

    private static Map<String, String> roleGroups(OrganizationResource org) {
        Map<String, String> ids = new HashMap<>();
        for (String role : List.of("Admin", "User", "Pending")) {
            GroupRepresentation group = new GroupRepresentation();
            group.setName(role);
            ids.put(role, created(org.groups().addTopLevelGroup(group)));
        }
        return ids;
    }

    private static UserRepresentation member(UserRepresentation template, String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName(template.getFirstName());
        user.setLastName(template.getLastName());
        Map<String, List<String>> attributes =
                new HashMap<>(template.getAttributes() == null ? Map.of() : template.getAttributes());
        attributes.remove(LAST_USED);
        user.setAttributes(attributes);
        user.setRequiredActions(
                List.of()); // as after registration: every action done (no password: nobody signs in as them)
        return user;
    }

    private static String created(Response response) {
        try (response) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static void expect(Response response, String what) {
        try (response) {
            if (response.getStatus() / 100 != 2) {
                throw new IllegalStateException(
                        what + ": HTTP " + response.getStatus() + " " + response.readEntity(String.class));
            }
        }
    }

    private static void parallel(int count, IntConsumer task) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> task.accept(n)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
