package se.kundkonto.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code realm-export/tools/kundkonto-realm-sync.sh} against a real Keycloak from the distribution: one node
 * with the pack (embedded H2, a cluster of one, its own free ports) imports an <em>older</em> realm — the
 * export without the client scope {@code kundkonto}, the client {@code kund-app}, the required action
 * {@code kundkonto-accept-invitation}, the reset-credentials flow, the BankID broker and its mappers, the
 * recovery-code step of the browser flow's second factor, and with another value in the 2FA-reset step's
 * config — and the script, run with the distribution's own
 * {@code bin/kcadm.sh}, must bring it up to the export. What the script's jq says about flows is checked
 * here with code of its own, from the admin API's flattened execution lists.
 */
@Order(0)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealmSyncIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = TwoNodeCluster.REALM;
    private static final String BROWSER = "kundkonto browser";
    private static final String RESET = "kundkonto reset credentials";
    private static final String EMAIL = "befintlig@realmsync.se";
    private static final String PASSWORD = "RealmSync2026!ok";
    private static final List<String> BINDINGS = List.of(
            "browserFlow",
            "registrationFlow",
            "resetCredentialsFlow",
            "directGrantFlow",
            "firstBrokerLoginFlow",
            "clientAuthenticationFlow",
            "dockerAuthenticationFlow");

    private static Path export;
    private static Path script;
    private static JsonNode exported;
    private static KeycloakNode node;
    private static long startedAt;

    @BeforeAll
    static void startOneNodeWithAnOlderRealm() throws Exception {
        assumeTrue(jqInstalled(), "no jq (apt-get install jq): the realm sync test skipped");
        startedAt = System.nanoTime();
        export = path("kundkonto.realm");
        script = export.getParent().resolve("tools/kundkonto-realm-sync.sh");
        exported = JSON.readTree(export.toFile());
        Path home = path("kundkonto.cluster.work").resolve("realm-sync/node");
        node = new KeycloakNode("realm-sync", home, freePort(), freePort(), freePort());
        node.killLeftovers();
        TwoNodeCluster.delete(home);
        Files.createDirectories(home.getParent());
        TwoNodeCluster.run(
                List.of("cp", "-a", path("kundkonto.cluster.dist").toString(), home.toString()), home.getParent());
        Files.copy(
                path("kundkonto.pack.jar"),
                Files.createDirectories(home.resolve("providers")).resolve("kundkonto.jar"));
        TwoNodeCluster.run(
                List.of(
                        home.resolve("bin/kc.sh").toString(),
                        "build",
                        "--db=dev-file",
                        "--db-kind-kundregister=dev-mem",
                        "--health-enabled=true"),
                home);
        Files.write(
                Files.createDirectories(home.resolve("data/import")).resolve("kundportal-realm.json"),
                JSON.writeValueAsBytes(olderRealm()));
        String registry = "jdbc:h2:mem:kundregister;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '"
                + path("kundkonto.registry.seed") + "' CHARSET 'UTF-8'";
        node.start(
                List.of(
                        "--http-enabled=true",
                        "--http-host=127.0.0.1",
                        "--hostname-strict=false",
                        "--cache-embedded-network-bind-address=127.0.0.1",
                        "--db-url-full-kundregister=" + registry,
                        "--db-username-kundregister=sa",
                        "--db-password-kundregister=sa"),
                List.of("--import-realm"),
                Map.of(
                        "JAVA_OPTS_KC_HEAP",
                        "-Xms128m -Xmx512m",
                        "KC_BOOTSTRAP_ADMIN_USERNAME",
                        TwoNodeCluster.ADMIN,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD",
                        TwoNodeCluster.ADMIN_PASSWORD));
        if (!node.awaitReady(REALM, Duration.ofMinutes(3))) {
            throw new IllegalStateException("the node did not come up; see " + node.log());
        }
        Cluster.note("realm sync: node built and started in %d ms", (System.nanoTime() - startedAt) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.stop();
        }
        Cluster.note("realm sync: whole test %d ms", (System.nanoTime() - startedAt) / 1_000_000);
    }

    /** The export as an older release had it: what the script must add or rebuild. */
    private static JsonNode olderRealm() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(export.toFile());
        realm.putArray("clientScopes");
        realm.putArray("defaultDefaultClientScopes");
        ArrayNode clients = realm.putArray("clients");
        for (JsonNode c : exported.path("clients")) {
            if (!List.of("kund-app", "kundkonto-uptake-report")
                    .contains(c.path("clientId").asText())) {
                ObjectNode copy = c.deepCopy();
                if (copy.has("defaultClientScopes")) {
                    ArrayNode scopes = copy.putArray("defaultClientScopes");
                    c.path("defaultClientScopes").forEach(s -> {
                        if (!s.asText().equals("kundkonto")) {
                            scopes.add(s);
                        }
                    });
                }
                clients.add(copy);
            }
        }
        realm.remove("clientScopeMappings"); // they belong to the report client, which the older release lacks
        ArrayNode actions = realm.putArray("requiredActions");
        exported.path("requiredActions").forEach(a -> {
            if (!a.path("alias").asText().equals("kundkonto-accept-invitation")) {
                actions.add(a);
            }
        });
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asText().equals("kundkonto browser conditional otp")) {
                ArrayNode steps = (ArrayNode) flow.path("authenticationExecutions");
                for (int i = steps.size() - 1; i >= 0; i--) {
                    if (steps.get(i).path("authenticator").asText().equals("auth-recovery-authn-code-form")) {
                        steps.remove(i);
                    }
                }
            }
        }
        // the reset-credentials flow did not exist yet, nor the BankID broker
        ArrayNode flows = (ArrayNode) realm.path("authenticationFlows");
        for (int i = flows.size() - 1; i >= 0; i--) {
            if (flows.get(i).path("alias").asText().startsWith(RESET)) {
                flows.remove(i);
            }
        }
        realm.remove("resetCredentialsFlow");
        realm.putArray("identityProviders");
        realm.putArray("identityProviderMappers");
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (config.path("alias").asText().equals("kundkonto 2fa reset")) {
                ((ObjectNode) config.path("config")).put("maxResetMailsPerHour", "5");
            }
        }
        return realm;
    }

    @Test
    @Order(1)
    void refusesABadPasswordAnUnknownRealmAndMissingTools() throws Exception {
        Run badPassword =
                sync(Map.of("KC_CLI_PASSWORD", "not-the-password"), "--server", node.baseUrl(), "--user", "admin");
        assertThat(badPassword.exit()).isNotZero();
        assertThat(badPassword.output()).contains("could not log in");

        Run unknownRealm = sync(Map.of(), "--server", node.baseUrl(), "--user", "admin", "--realm", "no-such-realm");
        assertThat(unknownRealm.exit()).isNotZero();
        assertThat(unknownRealm.output()).contains("realm 'no-such-realm' not found");

        Run noJq = sync(Map.of("PATH", "/nonexistent"), "--server", node.baseUrl(), "--user", "admin");
        assertThat(noJq.exit()).isNotZero();
        assertThat(noJq.output()).contains("jq is missing");

        Run noKcadm = sync(Map.of("KCADM", "/nonexistent/kcadm.sh"), "--server", node.baseUrl(), "--user", "admin");
        assertThat(noKcadm.exit()).isNotZero();
        assertThat(noKcadm.output()).contains("kcadm.sh is missing");

        Run passwordArgument = sync(Map.of(), "--server", node.baseUrl(), "--user", "admin", "--password", "admin");
        assertThat(passwordArgument.exit()).isNotZero();
        assertThat(passwordArgument.output()).contains("no password on the command line");
    }

    @Test
    @Order(2)
    void aDryRunSaysWhatItWouldDoAndChangesNothing() throws Exception {
        createUser();
        JsonNode before = snapshot();
        assertThat(shape(live(BROWSER), liveConfigs()))
                .as("the older realm's browser flow")
                .isNotEqualTo(exportShape(BROWSER));

        Run dry = sync(Map.of(), "--server", node.baseUrl(), "--user", "admin", "--dry-run");
        assertThat(dry.exit()).as(dry.output()).isZero();
        assertThat(dry.output())
                .contains(
                        "create client scope 'kundkonto'",
                        "register required action 'kundkonto-accept-invitation'",
                        "build flow 'kundkonto browser ",
                        "bind browserFlow: 'kundkonto browser' -> 'kundkonto browser ",
                        "build flow 'kundkonto reset credentials' (new in the export",
                        "-> 'kundkonto reset credentials'",
                        "create client \"kund-app\"",
                        "create identity provider \"bankid\" (first broker login: \"kundkonto first broker login\")",
                        "create mapper \"given name\" of identity provider \"bankid\"",
                        "create client \"kundkonto-uptake-report\"",
                        "put role \"view-users\" of client \"realm-management\" in the scope of new client \"kundkonto-uptake-report\"",
                        "Dry run: 12 change(s)");
        assertThat(dry.output()).doesNotContain("registration'", "first broker login'");
        assertThat(snapshot()).as("nothing changed by the dry run").isEqualTo(before);
    }

    @Test
    @Order(3)
    void theRunBringsTheRealmUpToTheExportAndLeavesTheOldFlow() throws Exception {
        JsonNode oldBrowser = shape(live(BROWSER), liveConfigs());
        Run run = sync(Map.of(), "--server", node.baseUrl(), "--user", "admin");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains(
                        "Done: 12 change(s).",
                        "The old flow 'kundkonto browser' is left in place: delete it once logins work.",
                        "The old flow 'reset credentials' is one of Keycloak's built-in flows: it stays");

        JsonNode realm = admin("GET", "/admin/realms/" + REALM, null).json();
        String bound = realm.path("browserFlow").asText();
        assertThat(bound).startsWith(BROWSER + " ").isNotEqualTo(BROWSER);
        Map<String, String> configs = liveConfigs();
        for (String binding : BINDINGS) {
            String exportAlias = exported.path(binding).asText(null);
            if (exportAlias != null) {
                assertThat(shape(live(realm.path(binding).asText()), configs))
                        .as(binding + " has the export's structure")
                        .isEqualTo(exportShape(exportAlias));
            }
        }
        assertThat(realm.path("registrationFlow").asText())
                .as("an unchanged flow stays bound")
                .isEqualTo("kundkonto registration");
        assertThat(realm.path("resetCredentialsFlow").asText())
                .as("a new flow keeps its name")
                .isEqualTo(RESET);
        assertThat(shape(live(BROWSER), configs))
                .as("the old flow, still there and unchanged")
                .isEqualTo(oldBrowser);

        JsonNode idp = admin("GET", "/admin/realms/" + REALM + "/identity-provider/instances/bankid", null)
                .json();
        assertThat(idp.path("firstBrokerLoginFlowAlias").asText()).isEqualTo("kundkonto first broker login");
        assertThat(names(admin("GET", "/admin/realms/" + REALM + "/identity-provider/instances/bankid/mappers", null)
                                .json())
                        .toString())
                .contains("given name", "family name");

        String scopeId = null;
        for (JsonNode s :
                admin("GET", "/admin/realms/" + REALM + "/client-scopes", null).json()) {
            if (s.path("name").asText().equals("kundkonto")) {
                scopeId = s.path("id").asText();
            }
        }
        assertThat(scopeId).as("client scope kundkonto created").isNotNull();
        assertThat(ids(
                        admin("GET", "/admin/realms/" + REALM + "/default-default-client-scopes", null)
                                .json(),
                        "name"))
                .contains("kundkonto");
        assertThat(client("kund-app").path("defaultClientScopes").toString())
                .as("the new client, with the new scope")
                .contains("\"kundkonto\"");
        String report = client("kundkonto-uptake-report").path("id").asText();
        String management = client("realm-management").path("id").asText();
        assertThat(ids(
                        admin(
                                        "GET",
                                        "/admin/realms/" + REALM + "/clients/" + report + "/scope-mappings/clients/"
                                                + management,
                                        null)
                                .json(),
                        "name"))
                .as("the new report client's scope: realm-management's view-users, nothing else")
                .containsExactly("view-users");
        assertThat(client("mina-sidor").path("defaultClientScopes").toString())
                .as("an existing client is not changed")
                .doesNotContain("\"kundkonto\"");
        JsonNode action = admin(
                        "GET",
                        "/admin/realms/" + REALM + "/authentication/required-actions/kundkonto-accept-invitation",
                        null)
                .json();
        assertThat(action.path("enabled").asBoolean()).isTrue();
        assertThat(action.path("priority").asInt()).isEqualTo(202);

        assertThat(admin("GET", "/admin/realms/" + REALM + "/users?exact=true&email=" + enc(EMAIL), null)
                        .json())
                .as("users untouched")
                .hasSize(1);
    }

    @Test
    @Order(4)
    void aSecondRunHasNothingToDo() throws Exception {
        JsonNode before = snapshot();
        Run again = sync(Map.of(), "--server", node.baseUrl(), "--user", "admin");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("Nothing to do").doesNotContain("build flow", "bind ", "create ");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aPersonLogsInThroughTheNewBrowserFlow() {
        Person person = new Person(node);
        Person.Page login = person.getAndFollow(Portal.authUrl(null));
        Portal.expect(login, Portal.LOGIN_PAGE);
        Person.Page done = person.submitAndFollow(
                login.form("#kc-form-login").with("username", EMAIL).with("password", PASSWORD));
        Portal.Tokens tokens = new Portal(null).tokens(person, done);
        assertThat(tokens.claims().path("email").asText()).isEqualTo(EMAIL);
        // and a wrong password is still refused by it
        Person other = new Person(node);
        Person.Page again = other.getAndFollow(Portal.authUrl(null));
        Person.Page refused = other.submitAndFollow(
                again.form("#kc-form-login").with("username", EMAIL).with("password", "fel-lösenord"));
        Portal.expect(refused, Portal.LOGIN_PAGE);
    }

    // --- the structure of a flow, independently of the script ------------------------------------------------

    /** The export's top-level flow, flattened like the admin API's execution list: level, kind, requirement, config. */
    private static JsonNode exportShape(String alias) {
        Map<String, JsonNode> configs = new TreeMap<>();
        exported.path("authenticatorConfig")
                .forEach(c -> configs.put(c.path("alias").asText(), c.path("config")));
        ArrayNode out = JSON.createArrayNode();
        addSteps(alias, 0, configs, out);
        return out;
    }

    private static void addSteps(String alias, int level, Map<String, JsonNode> configs, ArrayNode out) {
        List<JsonNode> steps = new ArrayList<>();
        exportFlow(alias).path("authenticationExecutions").forEach(steps::add);
        steps.sort(Comparator.comparingInt(s -> s.path("priority").asInt()));
        for (JsonNode s : steps) {
            if (s.path("authenticatorFlow").asBoolean()) {
                out.add(step(
                        level,
                        "flow:"
                                + exportFlow(s.path("flowAlias").asText())
                                        .path("providerId")
                                        .asText(),
                        s.path("requirement").asText(),
                        null));
                addSteps(s.path("flowAlias").asText(), level + 1, configs, out);
            } else {
                JsonNode config = s.has("authenticatorConfig")
                        ? configs.get(s.path("authenticatorConfig").asText())
                        : null;
                out.add(step(
                        level,
                        s.path("authenticator").asText(),
                        s.path("requirement").asText(),
                        config));
            }
        }
    }

    private static JsonNode exportFlow(String alias) {
        for (JsonNode f : exported.path("authenticationFlows")) {
            if (f.path("alias").asText().equals(alias)) {
                return f;
            }
        }
        throw new AssertionError("no flow " + alias + " in the export");
    }

    /** The live flow's flattened executions (admin API, in order) in the same form. */
    private static JsonNode shape(JsonNode executions, Map<String, String> configsById) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode e : executions) {
            String kind = e.path("authenticationFlow").asBoolean()
                    ? "flow:"
                            + admin(
                                            "GET",
                                            "/admin/realms/" + REALM + "/authentication/flows/"
                                                    + e.path("flowId").asText(),
                                            null)
                                    .json()
                                    .path("providerId")
                                    .asText()
                    : e.path("providerId").asText();
            String configId = e.path("authenticationConfig").asText(null);
            out.add(step(
                    e.path("level").asInt(),
                    kind,
                    e.path("requirement").asText(),
                    configId == null ? null : JSON.readTree(configsById.get(configId))));
        }
        return out;
    }

    private static ObjectNode step(int level, String kind, String requirement, JsonNode config) {
        ObjectNode s =
                JSON.createObjectNode().put("level", level).put("kind", kind).put("requirement", requirement);
        s.set(
                "config",
                config == null
                        ? null
                        : JSON.valueToTree(new TreeMap<String, Object>(JSON.convertValue(config, Map.class))));
        return s;
    }

    private static JsonNode live(String alias) {
        RealmAdmin.Reply r = admin(
                "GET",
                "/admin/realms/" + REALM + "/authentication/flows/" + enc(alias).replace("+", "%20") + "/executions",
                null);
        assertThat(r.status()).as("flow " + alias + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** Every authenticator config of the realm's flows, by id (the config values, as JSON). */
    private static Map<String, String> liveConfigs() throws IOException {
        Map<String, String> byId = new LinkedHashMap<>();
        for (JsonNode flow : admin("GET", "/admin/realms/" + REALM + "/authentication/flows", null)
                .json()) {
            for (JsonNode e : live(flow.path("alias").asText())) {
                String id = e.path("authenticationConfig").asText(null);
                if (id != null && !byId.containsKey(id)) {
                    byId.put(
                            id,
                            admin("GET", "/admin/realms/" + REALM + "/authentication/config/" + id, null)
                                    .json()
                                    .path("config")
                                    .toString());
                }
            }
        }
        return byId;
    }

    /** What a dry run or a second run must leave as it is. */
    private static JsonNode snapshot() throws IOException {
        ObjectNode s = JSON.createObjectNode();
        JsonNode realm = admin("GET", "/admin/realms/" + REALM, null).json();
        BINDINGS.forEach(b -> s.put(b, realm.path(b).asText(null)));
        ObjectNode flows = s.putObject("flows");
        Map<String, String> configs = liveConfigs();
        for (JsonNode flow : admin("GET", "/admin/realms/" + REALM + "/authentication/flows", null)
                .json()) {
            flows.set(flow.path("alias").asText(), shape(live(flow.path("alias").asText()), configs));
        }
        s.set("configs", JSON.valueToTree(new TreeMap<>(configs)));
        s.set(
                "clientScopes",
                names(admin("GET", "/admin/realms/" + REALM + "/client-scopes", null)
                        .json()));
        s.set(
                "clients",
                JSON.valueToTree(ids(
                        admin("GET", "/admin/realms/" + REALM + "/clients", null)
                                .json(),
                        "clientId")));
        s.set(
                "requiredActions",
                admin("GET", "/admin/realms/" + REALM + "/authentication/required-actions", null)
                        .json());
        s.set(
                "identityProviders",
                admin("GET", "/admin/realms/" + REALM + "/identity-provider/instances", null)
                        .json());
        s.set(
                "users",
                JSON.valueToTree(ids(
                        admin("GET", "/admin/realms/" + REALM + "/users", null).json(), "username")));
        return s;
    }

    private static JsonNode names(JsonNode list) {
        return JSON.valueToTree(ids(list, "name"));
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.path(field).asText()));
        out.sort(null);
        return out;
    }

    private static JsonNode client(String clientId) {
        JsonNode found = admin("GET", "/admin/realms/" + REALM + "/clients?clientId=" + clientId, null)
                .json();
        assertThat(found).as("client " + clientId).hasSize(1);
        return found.get(0);
    }

    /** A person who has an account already (no customer account: the picker lets them through). */
    private static void createUser() {
        String user = "{\"username\":\"" + EMAIL + "\",\"email\":\"" + EMAIL
                + "\",\"emailVerified\":true,\"enabled\":true,"
                + "\"firstName\":\"Befintlig\",\"lastName\":\"Person\",\"attributes\":{\"phoneNumber\":[\"070-000 00 00\"]},"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false}]}";
        RealmAdmin.Reply created = admin("POST", "/admin/realms/" + REALM + "/users", user);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = admin("GET", "/admin/realms/" + REALM + "/users?exact=true&email=" + enc(EMAIL), null)
                .json()
                .get(0)
                .path("id")
                .asText();
        // Keycloak gives a new user the realm's default required actions (the TOTP offer): not this test's subject
        RealmAdmin.Reply cleared = admin("PUT", "/admin/realms/" + REALM + "/users/" + id, "{\"requiredActions\":[]}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(204);
    }

    private static RealmAdmin.Reply admin(String method, String path, String json) {
        return RealmAdmin.send(
                method,
                node.baseUrl() + path,
                RealmAdmin.adminToken(node),
                json,
                json == null ? null : "application/json");
    }

    // --- the script ------------------------------------------------------------------------------------------

    record Run(int exit, String output) {}

    private static Run sync(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("KC_CLI_PASSWORD", TwoNodeCluster.ADMIN_PASSWORD);
        builder.environment().put("KCADM", node.home().resolve("bin/kcadm.sh").toString());
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the script did not finish: " + output);
        }
        System.out.println("[realm-sync] " + String.join(" ", args) + " -> exit " + p.exitValue() + " in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms\n" + output);
        return new Run(p.exitValue(), output);
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean jqInstalled() {
        try {
            return new ProcessBuilder("jq", "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + property + " not set (run through Maven: cluster/pom.xml)");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
