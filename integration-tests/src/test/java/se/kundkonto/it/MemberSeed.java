package se.kundkonto.it;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Many members of one customer account at once, through Keycloak's admin REST API (a few threads): each a
 * user shaped by {@code person(i)}, an unmanaged member, in the role group {@code User}, as a User who
 * joined through the pack would be. For tests of long member lists; the login pages would take minutes.
 */
record MemberSeed(RealmResource realm) {

    private static final int THREADS = 4;

    /** Adds {@code count} members; returns their user ids in the order of {@code i}. */
    List<String> add(OrganizationRepresentation account, int count, IntFunction<UserRepresentation> person) {
        OrganizationResource org = realm.organizations().get(account.getId());
        String userGroup = org.groups().getGroupByPath("User", false).getId();
        List<Callable<String>> joins = IntStream.range(0, count)
                .<Callable<String>>mapToObj(i -> () -> {
                    String id;
                    try (Response created = realm.users().create(person.apply(i))) {
                        id = CreatedResponseUtil.getCreatedId(created);
                    }
                    try (Response added = org.members().addMember(id)) {
                        if (added.getStatus() / 100 != 2) {
                            throw new IllegalStateException("member " + i + ": HTTP " + added.getStatus());
                        }
                    }
                    org.groups().group(userGroup).addMember(id);
                    return id;
                })
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            return pool.invokeAll(joins).stream().map(MemberSeed::done).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A person who registered (e-mail verified, every required action done), with the profile attributes the realm asks for. */
    static UserRepresentation person(String email, String firstName, String lastName, UserRepresentation template) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setAttributes(template.getAttributes());
        return user;
    }

    private static String done(Future<String> join) {
        try {
            return join.get();
        } catch (Exception e) {
            throw new IllegalStateException("seeding a member failed", e);
        }
    }
}
