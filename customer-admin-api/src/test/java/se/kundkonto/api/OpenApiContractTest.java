package se.kundkonto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import se.kundkonto.accounts.CustomerRole;

/**
 * {@code openapi.yaml} and the API's records say the same: every record is a schema of its name with
 * one property per component (its JSON name, a compatible type) and nothing else; every schema is a
 * record or one of the two role enums, which match {@link CustomerRole}; every operation of
 * {@link CustomerAdminResource} is described, with the record it returns.
 */
class OpenApiContractTest {

    /** Bodies the API returns. */
    static final List<Class<? extends Record>> RESPONSES =
            List.of(CustomerSummary.class, CompanyDetails.class, Member.class, Invitation.class, ErrorBody.class);
    /** Bodies the API takes, and the operation that takes each. */
    static final Map<Class<? extends Record>, String> REQUESTS = Map.of(
            CompanyChanges.class, "put /customers/{number}",
            RoleChange.class, "put /customers/{number}/members/{userId}/role",
            InvitationRequest.class, "post /customers/{number}/invitations");

    static final String ROLE = "Role";
    static final String ASSIGNABLE_ROLE = "AssignableRole";

    static Map<String, Object> openApi() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("openapi.yaml"))) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @Test
    void theDescriptionAndTheRecordsAgree() throws IOException {
        assertThat(problems(openApi())).isEmpty();
    }

    @Test
    void aFieldMissingFromTheDescriptionIsFound() throws IOException {
        Map<String, Object> api = openApi();
        map(schema(api, "Member").get("properties")).remove("lastName");
        map(schema(api, "CompanyDetails").get("properties")).remove("missing");
        assertThat(problems(api))
                .contains(
                        "Member: record component lastName is not a property of the schema",
                        "CompanyDetails: record component missing is not a property of the schema");
    }

    @Test
    void aFieldOnlyInTheDescriptionOrOfAnotherTypeIsFound() throws IOException {
        Map<String, Object> api = openApi();
        map(schema(api, "Invitation").get("properties")).put("inviter", Map.of("type", "string"));
        map(schema(api, "Invitation").get("properties")).put("expiresAt", Map.of("type", "string"));
        assertThat(problems(api))
                .contains(
                        "Invitation: property inviter has no record component",
                        "Invitation.expiresAt: long is described as string");
    }

    @Test
    void aRoleMissingFromTheEnumIsFound() throws IOException {
        Map<String, Object> api = openApi();
        schema(api, ROLE).put("enum", List.of("Admin", "User"));
        schema(api, ASSIGNABLE_ROLE).put("enum", List.of("Admin", "User", "Pending"));
        assertThat(problems(api))
                .contains(
                        "Role: enum [Admin, User] is not CustomerRole's [Admin, User, Pending]",
                        "AssignableRole: enum [Admin, User, Pending] is not the roles an Admin can give, [Admin, User]");
    }

    @Test
    void anUndescribedOperationIsFound() throws IOException {
        Map<String, Object> api = openApi();
        map(api.get("paths")).remove("/customers/{number}/invitations/{invitationId}");
        assertThat(problems(api))
                .contains(
                        "CustomerAdminResource.revokeInvitation: delete /customers/{number}/invitations/{invitationId} is not in openapi.yaml");
    }

    @Test
    void anUndescribedQueryParameterIsFound() throws IOException {
        Map<String, Object> api = openApi();
        Map<String, Object> get = map(
                map(map(api.get("paths")).get("/customers/{number}/members")).get("get"));
        get.put(
                "parameters",
                ((List<?>) get.get("parameters"))
                        .stream()
                                .filter(p -> !"search".equals(map(p).get("name")))
                                .toList());
        assertThat(problems(api))
                .contains(
                        "CustomerAdminResource.members: get /customers/{number}/members has query parameters [first, max, role, search], described [first, max, role]");
    }

    // --- the checks ---

    static List<String> problems(Map<String, Object> api) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> schemas = map(map(api.get("components")).get("schemas"));
        Set<String> records = new LinkedHashSet<>();
        for (Class<? extends Record> record : RESPONSES) {
            records.add(record.getSimpleName());
            checkRecord(api, record, ROLE, problems);
        }
        for (Class<? extends Record> record : REQUESTS.keySet()) {
            records.add(record.getSimpleName());
            checkRecord(api, record, ASSIGNABLE_ROLE, problems);
            Object body = requestBody(api, REQUESTS.get(record));
            if (!ref(record.getSimpleName()).equals(body)) {
                problems.add(
                        REQUESTS.get(record) + ": request body " + body + " is not " + ref(record.getSimpleName()));
            }
        }
        for (String name : schemas.keySet()) {
            if (!records.contains(name) && !name.equals(ROLE) && !name.equals(ASSIGNABLE_ROLE)) {
                problems.add(name + ": schema without a record of that name in se.kundkonto.api");
            }
        }
        checkEnum(
                schemas,
                ROLE,
                Arrays.stream(CustomerRole.values())
                        .map(CustomerRole::groupName)
                        .toList(),
                "CustomerRole's",
                problems);
        checkEnum(
                schemas,
                ASSIGNABLE_ROLE,
                Arrays.stream(CustomerRole.values())
                        .filter(r -> CustomerRole.parse(r.groupName()).isPresent())
                        .map(CustomerRole::groupName)
                        .toList(),
                "the roles an Admin can give,",
                problems);
        Object missing = map(map(map(schemas.get("CompanyDetails")).get("properties"))
                        .get("missing"))
                .get("items");
        if (!CompanyChanges.EDITABLE.equals(map(missing).get("enum"))) {
            problems.add("CompanyDetails.missing: items enum " + map(missing).get("enum")
                    + " is not CompanyChanges.EDITABLE " + CompanyChanges.EDITABLE);
        }
        checkOperations(api, problems);
        return problems;
    }

    private static void checkRecord(
            Map<String, Object> api, Class<? extends Record> record, String roleSchema, List<String> problems) {
        String name = record.getSimpleName();
        Map<String, Object> schema =
                map(map(map(api.get("components")).get("schemas")).get(name));
        if (schema.isEmpty()) {
            problems.add(name + ": no schema of that name in openapi.yaml");
            return;
        }
        if (!"object".equals(schema.get("type"))) {
            problems.add(name + ": schema is not of type object");
        }
        Map<String, Object> properties = map(schema.get("properties"));
        Set<String> components = new LinkedHashSet<>();
        List<?> required = schema.get("required") instanceof List<?> list ? list : List.of();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String json = renamed == null ? component.getName() : renamed.value();
            components.add(json);
            if (!properties.containsKey(json)) {
                problems.add(name + ": record component " + json + " is not a property of the schema");
                continue;
            }
            String where = name + "." + json;
            Map<String, Object> property = resolve(api, map(properties.get(json)));
            checkType(
                    api, where, component.getGenericType(), property, roleSchema, map(properties.get(json)), problems);
            if (component.getType().isPrimitive() && !required.contains(json) && RESPONSES.contains(record)) {
                problems.add(where + ": always in answers (" + component.getType() + ") but not required");
            }
            if (component.getType().isPrimitive() && Boolean.TRUE.equals(property.get("nullable"))) {
                problems.add(where + ": nullable, but a " + component.getType() + " never is");
            }
        }
        for (String property : properties.keySet()) {
            if (!components.contains(property)) {
                problems.add(name + ": property " + property + " has no record component");
            }
        }
        for (Object r : required) {
            if (!properties.containsKey(r)) {
                problems.add(name + ": required " + r + " is not a property");
            }
        }
    }

    private static void checkType(
            Map<String, Object> api,
            String where,
            Type type,
            Map<String, Object> property,
            String roleSchema,
            Map<String, Object> raw,
            List<String> problems) {
        String described = String.valueOf(property.get("type"));
        if (type == CustomerRole.class) {
            if (!ref(roleSchema).get("$ref").equals(raw.get("$ref"))) {
                problems.add(where + ": a CustomerRole, described as " + raw + " instead of " + ref(roleSchema));
            }
            return;
        }
        String expected;
        if (type == String.class) {
            expected = "string";
        } else if (type == boolean.class || type == Boolean.class) {
            expected = "boolean";
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            expected = "integer";
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!"array".equals(described)) {
                problems.add(where + ": a list, described as " + described);
                return;
            }
            checkType(
                    api,
                    where + "[]",
                    list.getActualTypeArguments()[0],
                    resolve(api, map(property.get("items"))),
                    roleSchema,
                    map(property.get("items")),
                    problems);
            return;
        } else {
            problems.add(where + ": " + type.getTypeName() + " has no OpenAPI type in this test; add one");
            return;
        }
        if (!expected.equals(described)) {
            problems.add(where + ": " + ((Class<?>) type).getSimpleName() + " is described as " + described);
        }
    }

    private static void checkEnum(
            Map<String, Object> schemas, String name, List<String> expected, String what, List<String> problems) {
        Object described = map(schemas.get(name)).get("enum");
        if (!expected.equals(described)) {
            problems.add(name + ": enum " + described + " is not " + what + " " + expected);
        }
    }

    /** Each JAX-RS method is an operation of openapi.yaml, and what it returns is the schema of its 2xx answer. */
    private static void checkOperations(Map<String, Object> api, List<String> problems) {
        Map<String, Object> paths = map(api.get("paths"));
        Set<String> implemented = new TreeSet<>();
        for (Method method : CustomerAdminResource.class.getDeclaredMethods()) {
            String verb = method.isAnnotationPresent(GET.class)
                    ? "get"
                    : method.isAnnotationPresent(PUT.class)
                            ? "put"
                            : method.isAnnotationPresent(POST.class)
                                    ? "post"
                                    : method.isAnnotationPresent(DELETE.class) ? "delete" : null;
            if (verb == null) {
                continue;
            }
            String path = "/" + method.getAnnotation(jakarta.ws.rs.Path.class).value();
            String operation = verb + " " + path;
            implemented.add(operation);
            Map<String, Object> described = map(map(paths.get(path)).get(verb));
            if (described.isEmpty()) {
                problems.add(
                        "CustomerAdminResource." + method.getName() + ": " + operation + " is not in openapi.yaml");
                continue;
            }
            Set<String> queried = new TreeSet<>();
            for (Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(QueryParam.class)) {
                    queried.add(parameter.getAnnotation(QueryParam.class).value());
                }
            }
            Set<String> describedQuery = queryParameters(api, described);
            if (!queried.equals(describedQuery)) {
                problems.add("CustomerAdminResource." + method.getName() + ": " + operation + " has query parameters "
                        + queried + ", described " + describedQuery);
            }
            Object answer = successSchema(described);
            Type returned = method.getGenericReturnType();
            if (returned instanceof Class<?> c && c.isRecord()) {
                expectAnswer(problems, operation, answer, ref(c.getSimpleName()));
            } else if (returned instanceof ParameterizedType p
                    && p.getRawType() == List.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> c
                    && c.isRecord()) {
                expectAnswer(problems, operation, answer, Map.of("type", "array", "items", ref(c.getSimpleName())));
            } else if (returned != jakarta.ws.rs.core.Response.class) {
                problems.add("CustomerAdminResource." + method.getName() + " returns " + returned.getTypeName()
                        + ", not a record of the API");
            }
        }
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (String verb : map(path.getValue()).keySet()) {
                if (!verb.equals("parameters") && !implemented.contains(verb + " " + path.getKey())) {
                    problems.add(verb + " " + path.getKey() + ": in openapi.yaml but not in CustomerAdminResource");
                }
            }
        }
    }

    /** The names of the operation's query parameters, {@code $ref}s to {@code components/parameters} resolved. */
    private static Set<String> queryParameters(Map<String, Object> api, Map<String, Object> operation) {
        Set<String> names = new TreeSet<>();
        List<?> parameters = operation.get("parameters") instanceof List<?> list ? list : List.of();
        for (Object p : parameters) {
            Map<String, Object> parameter = map(p);
            if (parameter.get("$ref") instanceof String ref && ref.startsWith("#/components/parameters/")) {
                parameter = map(map(map(api.get("components")).get("parameters"))
                        .get(ref.substring("#/components/parameters/".length())));
            }
            if ("query".equals(parameter.get("in"))) {
                names.add(String.valueOf(parameter.get("name")));
            }
        }
        return names;
    }

    private static void expectAnswer(List<String> problems, String operation, Object answer, Object expected) {
        if (!expected.equals(answer)) {
            problems.add(operation + ": answer " + answer + " is not " + expected);
        }
    }

    private static Object successSchema(Map<String, Object> operation) {
        for (Map.Entry<String, Object> response :
                map(operation.get("responses")).entrySet()) {
            if (String.valueOf(response.getKey()).startsWith("2")) {
                return map(map(map(response.getValue()).get("content")).get("application/json"))
                        .get("schema");
            }
        }
        return null;
    }

    private static Object requestBody(Map<String, Object> api, String operation) {
        String[] verbAndPath = operation.split(" ", 2);
        Map<String, Object> described =
                map(map(map(api.get("paths")).get(verbAndPath[1])).get(verbAndPath[0]));
        return map(map(map(described.get("requestBody")).get("content")).get("application/json"))
                .get("schema");
    }

    private static Map<String, Object> resolve(Map<String, Object> api, Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref instanceof String r && r.startsWith("#/components/schemas/")) {
            return map(
                    map(map(api.get("components")).get("schemas")).get(r.substring("#/components/schemas/".length())));
        }
        return schema;
    }

    static Map<String, Object> schema(Map<String, Object> api, String name) {
        return map(map(map(api.get("components")).get("schemas")).get(name));
    }

    private static Map<String, Object> ref(String schema) {
        return Map.of("$ref", "#/components/schemas/" + schema);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }
}
