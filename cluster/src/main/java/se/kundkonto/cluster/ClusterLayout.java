package se.kundkonto.cluster;

import java.nio.file.Path;

/**
 * Where the pieces of a two-node cluster come from and where it runs.
 *
 * @param distribution the unpacked Keycloak distribution (never changed: each node gets a copy)
 * @param pack         the pack jar for {@code providers/}
 * @param realm        the realm export, imported by node A
 * @param registrySeed the demo customer registry's SQL
 * @param serverConf   the files for Keycloak's {@code conf/} before the build ({@code server-conf/}, as in the image)
 * @param postgresScripts the folder with {@code start.sh} / {@code stop.sh} of the private PostgreSQL
 * @param workDir      the nodes' homes and PostgreSQL's data go here
 * @param publicUrl    the one URL both nodes put into pages and tokens, as behind a load balancer; null
 *                     lets each node use the URL it was called on (the demo, where both are clicked directly)
 * @param trustForwardedFor whether the nodes take the client address from {@code X-Forwarded-For}, as
 *                     behind a proxy: the tests play many people from many addresses that way
 */
public record ClusterLayout(
        Path distribution,
        Path pack,
        Path realm,
        Path registrySeed,
        Path serverConf,
        Path postgresScripts,
        Path workDir,
        String publicUrl,
        boolean trustForwardedFor) {}
