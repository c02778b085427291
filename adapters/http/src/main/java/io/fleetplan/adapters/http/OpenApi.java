package io.fleetplan.adapters.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import io.fleetplan.domain.shared.Money;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the OpenAPI 3.1 document from the route table: every route, its parameters, its request
 * and response schemas (from the records themselves, with the constraints of the commands they
 * become) and the problems it may answer. Nothing is written by hand, so the document describes
 * exactly what the server routes.
 */
final class OpenApi {
    private static final String PROBLEM = "application/problem+json";

    private final Map<String, Object> schemas = new TreeMap<>();
    private final Map<Class<?>, String> names = new LinkedHashMap<>();

    private OpenApi() {
    }

    /** The document for {@code routes}, as nested maps and lists ready to be written as JSON. */
    static Map<String, Object> document(List<Route> routes, String version) {
        return new OpenApi().build(routes, version);
    }

    private Map<String, Object> build(List<Route> routes, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", map("title", "Fleetplan API", "version", version, "description",
                "Capacity and capex planning for an AI cloud: regions, data centres, the server fleet and its "
                        + "deployment pipeline, GPU pools with tiered admission, capacity orders, capex "
                        + "commitments and the event log. Errors are RFC 9457 problem details."));
        doc.put("jsonSchemaDialect", "https://spec.openapis.org/oas/3.1/dialect/base");
        Map<String, Object> paths = new TreeMap<>();
        TreeSet<String> tags = new TreeSet<>();
        for (Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(),
                    p -> new LinkedHashMap<String, Object>());
            item.put(route.method().toLowerCase(Locale.ROOT), operation(route));
            tags.add(route.tag());
        }
        doc.put("tags", tags.stream().map(t -> map("name", t)).toList());
        doc.put("paths", paths);
        schemas.put("Problem", problemSchema());
        schemaOf(Money.class, false);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("responses", problemResponses());
        components.put("securitySchemes", map("bearerAuth", map("type", "http", "scheme", "bearer",
                "description", "an API token: Authorization: Bearer <secret>")));
        doc.put("components", components);
        doc.put("security", List.of(map("bearerAuth", List.of())));
        return doc;
    }

    private Map<String, Object> operation(Route route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", route.operationId());
        op.put("summary", route.summary());
        op.put("description", "Roles: " + route.access().describe() + "."
                + (route.idempotent() ? " Send an Idempotency-Key to make retries safe." : "")
                + (route.ifMatch() ? " Send If-Match with the ETag you read to refuse stale updates (412)." : ""));
        op.put("tags", List.of(route.tag()));
        if (route.access().isPublic()) {
            op.put("security", List.of());
        }
        List<Object> parameters = new ArrayList<>();
        for (Param p : route.params()) {
            parameters.add(parameter(p));
        }
        if (route.idempotent()) {
            parameters.add(map("name", HttpApi.IDEMPOTENCY_KEY, "in", "header", "required", false, "description",
                    "repeat the first response for a retry of the same request; 422 for a different request",
                    "schema", map("type", "string", "minLength", 1, "maxLength", HttpApi.MAX_IDEMPOTENCY_KEY)));
        }
        if (route.ifMatch()) {
            parameters.add(map("name", "If-Match", "in", "header", "required", false, "description",
                    "the ETag of the version the change is based on", "schema", map("type", "string")));
        }
        if (route.tagged()) {
            parameters.add(map("name", "If-None-Match", "in", "header", "required", false, "description",
                    "answer 304 when the resource still has this ETag", "schema", map("type", "string")));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        route.body().ifPresent(body -> op.put("requestBody", map("required", body.required(), "content",
                map("application/json", map("schema", requestSchema(body))))));
        op.put("responses", responses(route));
        return op;
    }

    private Map<String, Object> parameter(Param p) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", p.type());
        p.format().ifPresent(f -> schema.put("format", f));
        p.pattern().ifPresent(r -> schema.put("pattern", r));
        p.minimum().ifPresent(m -> schema.put("minimum", m));
        p.maximum().ifPresent(m -> schema.put("maximum", m));
        p.defaultValue().ifPresent(d -> schema.put("default", d));
        return map("name", p.name(), "in", p.in() == Param.In.PATH ? "path" : "query", "required", p.required(),
                "description", p.description(), "schema", schema);
    }

    private Map<String, Object> responses(Route route) {
        Map<String, Object> responses = new LinkedHashMap<>();
        Route.Response r = route.response();
        Map<String, Object> success = new LinkedHashMap<>();
        success.put("description", r.status() == 201 ? "created" : "success");
        Map<String, Object> headers = new LinkedHashMap<>();
        if (route.tagged() || route.ifMatch()) {
            headers.put("ETag", map("description", "the version shown, for If-Match", "schema", map("type", "string")));
        }
        if (r.status() == 201) {
            headers.put("Location", map("description", "where the created resource is read",
                    "schema", map("type", "string")));
        }
        if (!headers.isEmpty()) {
            success.put("headers", headers);
        }
        success.put("content", map(r.mediaType(), map("schema", responseSchema(r))));
        responses.put(Integer.toString(r.status()), success);
        if (route.tagged()) {
            responses.put("304", map("description", "not modified: the If-None-Match ETag is current"));
        }
        TreeSet<Integer> errors = new TreeSet<>(route.extraErrors());
        boolean hasInput = route.body().isPresent() || route.params().stream().anyMatch(p -> p.in() == Param.In.QUERY)
                || route.params().stream().anyMatch(p -> p.in() == Param.In.PATH);
        if (hasInput) {
            errors.add(400);
        }
        if (!route.access().isPublic()) {
            errors.add(401);
            errors.add(403);
        }
        if (route.params().stream().anyMatch(p -> p.in() == Param.In.PATH)) {
            errors.add(404);
        }
        if (!route.method().equals("GET")) {
            errors.add(404);
            errors.add(409);
            errors.add(422);
        }
        if (route.ifMatch()) {
            errors.add(412);
        }
        if (route.body().isPresent()) {
            errors.add(413);
            errors.add(415);
        }
        if (route.idempotent()) {
            errors.add(422);
        }
        errors.add(500);
        for (int status : errors) {
            responses.put(Integer.toString(status), map("$ref", "#/components/responses/Problem" + status));
        }
        return responses;
    }

    private Map<String, Object> problemResponses() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int status : List.of(400, 401, 403, 404, 409, 412, 413, 415, 422, 500, 503)) {
            out.put("Problem" + status, map("description", Problems.title(status), "content",
                    map(PROBLEM, map("schema", ref("Problem")))));
        }
        return out;
    }

    private Object responseSchema(Route.Response r) {
        return switch (r.shape()) {
            case ONE -> schemaOf(r.type().orElseThrow(), false);
            case LIST -> map("type", "object", "required", List.of("items"), "properties",
                    map("items", map("type", "array", "items", schemaOf(r.type().orElseThrow(), false))));
            case PAGE -> map("type", "object", "required", List.of("items"), "properties",
                    map("items", map("type", "array", "items", schemaOf(r.type().orElseThrow(), false)),
                            "nextCursor", map("type", "string", "description",
                                    "pass as cursor for the next page; absent on the last page")));
            case TEXT -> r.mediaType().startsWith("application/json") ? map("type", "object") : map("type", "string");
        };
    }

    /** A request body: its own record's fields, held to the constraints of the command it becomes. */
    private Object requestSchema(Route.Body body) {
        return recordSchema(body.type(), body.command());
    }

    /**
     * A record that carries constraints (a request body, or a command-like record inside one):
     * required where the constraints (of {@code command}'s component of the same name) demand a
     * value, nullable elsewhere, and no other fields.
     */
    private Object recordSchema(Class<?> type, Optional<? extends Class<?>> command) {
        String name = name(type);
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of());
            Map<String, RecordComponent> constrained = new LinkedHashMap<>();
            command.ifPresent(c -> Arrays.stream(c.getRecordComponents())
                    .forEach(rc -> constrained.put(rc.getName(), rc)));
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (RecordComponent rc : type.getRecordComponents()) {
                RecordComponent constraints = constrained.getOrDefault(rc.getName(), rc);
                Map<String, Object> property = new LinkedHashMap<>(asMap(schemaOf(rc.getGenericType(), false)));
                boolean mandatory = constraints.getType().isPrimitive()
                        || annotation(constraints, NotNull.class) != null
                        || annotation(constraints, NotBlank.class) != null;
                if (rc.isAnnotationPresent(MayOmit.class)) {
                    mandatory = false;
                }
                constrain(property, constraints);
                if (mandatory) {
                    required.add(rc.getName());
                } else if (property.containsKey("type")) {
                    property.put("type", List.of(property.get("type"), "null"));
                } else {
                    property = map("oneOf", List.of(property, map("type", "null")));
                }
                properties.put(rc.getName(), property);
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
            schema.put("properties", properties);
            schema.put("additionalProperties", false);
            schemas.put(name, schema);
        }
        return ref(name);
    }

    /** Whether any component of a record carries a Jakarta constraint: then it is documented as a request. */
    private static boolean constrained(Class<?> type) {
        for (RecordComponent rc : type.getRecordComponents()) {
            for (Class<? extends Annotation> a : List.of(NotNull.class, NotBlank.class, Pattern.class, Size.class,
                    Min.class, Max.class, Positive.class, PositiveOrZero.class)) {
                if (annotation(rc, a) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void constrain(Map<String, Object> property, RecordComponent rc) {
        Pattern pattern = annotation(rc, Pattern.class);
        if (pattern != null) {
            property.put("pattern", pattern.regexp());
        }
        Size size = annotation(rc, Size.class);
        if (size != null) {
            if (size.min() > 0) {
                property.put("minLength", size.min());
            }
            if (size.max() < Integer.MAX_VALUE) {
                property.put("maxLength", size.max());
            }
        }
        if (annotation(rc, NotBlank.class) != null) {
            property.put("minLength", 1);
        }
        Min min = annotation(rc, Min.class);
        if (min != null) {
            property.put("minimum", min.value());
        }
        Max max = annotation(rc, Max.class);
        if (max != null) {
            property.put("maximum", max.value());
        }
        if (annotation(rc, Positive.class) != null) {
            property.put("exclusiveMinimum", 0);
        }
        if (annotation(rc, PositiveOrZero.class) != null) {
            property.put("minimum", 0);
        }
    }

    /**
     * A constraint on a record component: Jakarta constraints do not target record components, so
     * they land on the component's field, accessor and type.
     */
    private static <A extends Annotation> A annotation(RecordComponent rc, Class<A> type) {
        A found = rc.getAccessor().getAnnotation(type);
        if (found == null) {
            try {
                found = rc.getDeclaringRecord().getDeclaredField(rc.getName()).getAnnotation(type);
            } catch (NoSuchFieldException e) {
                found = null;
            }
        }
        if (found == null) {
            found = rc.getAnnotatedType().getAnnotation(type);
        }
        return found;
    }

    /** The schema of a response type: a $ref for records (registered once), inline for the rest. */
    private Object schemaOf(Type type, boolean nullable) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return map("type", "array", "items", schemaOf(args[0], false));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return map("type", "object", "additionalProperties", schemaOf(args[1], false));
            }
            if (raw == Optional.class) {
                return schemaOf(args[0], true);
            }
            throw new IllegalArgumentException("no schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        Map<String, Object> scalar = scalar(c);
        if (scalar != null) {
            if (nullable) {
                scalar.put("type", List.of(scalar.get("type"), "null"));
            }
            return scalar;
        }
        if (c.isEnum()) {
            return map("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(String::valueOf).toList());
        }
        if (c == Money.class) {
            schemas.putIfAbsent("Money", map("type", "object", "required", List.of("amount", "currency"),
                    "properties", map("amount", map("type", "string", "pattern", "^-?\\d+(\\.\\d+)?$",
                                    "description", "a decimal amount, at the currency's minor unit"),
                            "currency", map("type", "string", "pattern", "^[A-Z]{3}$"))));
            return ref("Money");
        }
        if (c.isRecord() && constrained(c)) {
            return recordSchema(c, Optional.of(c));
        }
        if (c.isRecord()) {
            String name = name(c);
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of());
                Map<String, Object> properties = new LinkedHashMap<>();
                List<String> required = new ArrayList<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    boolean optional = !rc.getType().isPrimitive();
                    Object property = schemaOf(rc.getGenericType(), optional);
                    if (optional && asMap(property).containsKey("$ref")) {
                        property = map("oneOf", List.of(property, map("type", "null")));
                    }
                    properties.put(rc.getName(), property);
                    required.add(rc.getName());
                }
                schemas.put(name, map("type", "object", "required", required, "properties", properties));
            }
            return ref(name);
        }
        throw new IllegalArgumentException("no schema for " + type);
    }

    private static Map<String, Object> scalar(Class<?> c) {
        if (c == String.class) {
            return map("type", "string");
        }
        if (c == long.class || c == Long.class) {
            return map("type", "integer", "format", "int64");
        }
        if (c == int.class || c == Integer.class) {
            return map("type", "integer", "format", "int32");
        }
        if (c == boolean.class || c == Boolean.class) {
            return map("type", "boolean");
        }
        if (c == BigDecimal.class) {
            return map("type", "number");
        }
        if (c == Instant.class) {
            return map("type", "string", "format", "date-time");
        }
        return null;
    }

    private String name(Class<?> c) {
        return names.computeIfAbsent(c, k -> {
            String simple = k.getSimpleName();
            String name = simple.equals("Command") || simple.equals("Query")
                    ? k.getEnclosingClass().getSimpleName() + simple : simple;
            if (names.containsValue(name)) {
                throw new IllegalStateException("two schemas named " + name);
            }
            return name;
        });
    }

    private static Map<String, Object> problemSchema() {
        return map("type", "object", "description", "RFC 9457 problem details",
                "required", List.of("type", "title", "status", "code"),
                "properties", map(
                        "type", map("type", "string", "format", "uri-reference"),
                        "title", map("type", "string"),
                        "status", map("type", "integer"),
                        "detail", map("type", "string"),
                        "instance", map("type", "string"),
                        "code", map("type", "string", "description", "stable: branch on it, never on detail"),
                        "violations", map("type", "array", "description", "on 400: every broken constraint",
                                "items", map("type", "object", "required", List.of("path", "message"),
                                        "properties", map("path", map("type", "string"),
                                                "message", map("type", "string")))),
                        "correlationId", map("type", "string", "description", "on 500: quote it to operators")));
    }

    private static Map<String, Object> ref(String name) {
        return map("$ref", "#/components/schemas/" + name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object schema) {
        return (Map<String, Object>) schema;
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
