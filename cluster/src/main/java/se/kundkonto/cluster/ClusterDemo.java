package se.kundkonto.cluster;

import java.nio.file.Path;

import se.kundkonto.demo.MailCatcher;

/**
 * {@code ./mvnw -Pcluster-demo verify}: the two-node cluster with the realm, the demo registry and the
 * mail catcher, until Ctrl+C. Each node answers under its own URL, so either can be clicked directly.
 */
public final class ClusterDemo {

    private ClusterDemo() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            throw new IllegalArgumentException(
                    "usage: ClusterDemo <keycloak-distribution> <pack.jar> <realm.json> <registry-seed.sql> "
                            + "<server-conf> <postgres-scripts> <work-dir>");
        }
        ClusterLayout layout = new ClusterLayout(
                path(args[0]),
                path(args[1]),
                path(args[2]),
                path(args[3]),
                path(args[4]),
                path(args[5]),
                path(args[6]),
                null,
                false);
        if (!PrivatePostgres.installed()) {
            throw new IllegalStateException(
                    "The cluster demo needs the PostgreSQL server binaries: apt-get install postgresql");
        }
        MailCatcher mail = MailCatcher.start(3025, 8025);
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        TwoNodeCluster cluster = new TwoNodeCluster(layout); // stops itself on Ctrl+C (shutdown hook)
        cluster.start();
        printWhereToClick(cluster);
        Thread.currentThread().join();
    }

    private static void printWhereToClick(TwoNodeCluster cluster) {
        TwoNodeCluster.Formation f = cluster.formation();
        System.out.printf(
                """

                ==========================================================================
                 kundkonto on two Keycloak nodes is running (Ctrl+C stops both and PostgreSQL)
                 cluster of two formed %.1f s after node A was started (A ready %.1f s, B %.1f s)

                 Node A:  http://localhost:8080/realms/kundportal/account   admin: http://localhost:8080/admin/
                 Node B:  http://localhost:8081/realms/kundportal/account   admin: http://localhost:8081/admin/
                 Admin console user: admin / admin (either node)
                 Health:  http://localhost:9000/health/ready  http://localhost:9001/health/ready

                 Register on one node and log in on the other; cookies are shared (a browser does not
                 keep them per port), as behind one load balancer.
                 Demo customers: 01020304 / 4400, 02030405 / 3456, 04050607 / 7652, 05060708 / 2227

                 Mail inbox:  http://localhost:8025/
                 Logs:        %s
                              %s
                 PostgreSQL:  127.0.0.1:%d, databases keycloak and kundregister (user postgres)
                ==========================================================================
                """,
                f.twoMemberViewMillis() / 1000.0,
                f.nodeAReadyMillis() / 1000.0,
                f.nodeBReadyMillis() / 1000.0,
                cluster.a().log(),
                cluster.b().log(),
                PrivatePostgres.PORT);
    }

    private static Path path(String s) {
        return Path.of(s).toAbsolutePath().normalize();
    }
}
