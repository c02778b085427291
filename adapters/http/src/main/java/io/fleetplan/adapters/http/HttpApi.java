package io.fleetplan.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fleetplan.application.port.in.InvalidCommandException;
import io.fleetplan.application.port.in.access.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Fleetplan's HTTP API: JSON under {@code /api/v1}, the OpenAPI document at
 * {@code /api/v1/openapi.json}, {@code /health} and {@code /metrics}. Build it with the use cases
 * it exposes, {@link #start} it on a host and port (0 picks a free port), and {@link #stop} it.
 *
 * <p>Every route but health, metrics and the document needs {@code Authorization: Bearer <token>};
 * the token's role decides what it may do, and its name and role are the actor of every change.
 */
public final class HttpApi {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_IDEMPOTENCY_KEY = 200;
    private static final String ROUTE = "fleetplan.route";
    private static final String IF_MATCH_SENT = "fleetplan.ifMatch";
    private static final String VERSION = "1.0.0";
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        // Jetty pads its queues against false sharing by the number of object references in a cache
        // line, and finds out whether references are compressed by starting the platform MBean
        // server (JMX), some 160 classes loaded at start-up for one flag. References are compressed
        // below 32 GiB of heap, the JVM's default: 16 to a 64-byte line, 8 above. Only a hint for
        // padding; a value set by the user is kept.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            boolean compressed = Runtime.getRuntime().maxMemory() < 31L * 1024 * 1024 * 1024;
            System.setProperty(REFERENCES_PER_CACHE_LINE, compressed ? "16" : "8");
        }
    }

    private final Endpoints endpoints;
    private final HttpSettings settings;
    private final ObjectMapper mapper = Json.mapper();
    private final ObjectMapper canonical = Json.mapper().copy()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** A writer per class of view answered, its serializer found once instead of on every response. */
    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();
    private final Metrics metrics = new Metrics();
    private final Idempotency idempotency;
    private final TokenCache tokens;
    private final List<Route> routes;
    private final Object openApiLock = new Object();
    private volatile String openApi;
    private Javalin app;

    public HttpApi(Endpoints endpoints, HttpSettings settings) {
        this(endpoints, settings, System::nanoTime);
    }

    /** With {@code ticker} (nanoseconds, as {@link System#nanoTime()}) timing the token cache, for tests. */
    HttpApi(Endpoints endpoints, HttpSettings settings, LongSupplier ticker) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.idempotency = new Idempotency(settings.idempotencyEntries(), settings.idempotencyTtl(),
                Clock.systemUTC());
        this.tokens = new TokenCache(endpoints.manageTokens(), settings.tokenCacheEntries(), settings.tokenCacheTtl(),
                ticker);
        List<Route> table = new ArrayList<>();
        table.addAll(RegionRoutes.routes(endpoints));
        table.addAll(FleetRoutes.routes(endpoints));
        table.addAll(PoolRoutes.routes(endpoints));
        table.addAll(OrderRoutes.routes(endpoints));
        table.addAll(CapexRoutes.routes(endpoints));
        table.addAll(EventRoutes.routes(endpoints));
        table.addAll(PlanningRoutes.routes(endpoints));
        table.addAll(TokenRoutes.routes(endpoints, tokens::evict));
        table.addAll(OpsRoutes.routes(endpoints, metrics, this::openApiDocument));
        this.routes = List.copyOf(table);
    }

    /** Starts serving on {@code host}:{@code port}; port 0 picks a free one (see {@link #port()}). */
    public synchronized void start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("already started");
        }
        app = Javalin.create(config -> {
            config.unsafe.internalRouter = new ExactPathRouter(config.unsafe);
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.generateEtags = false;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(mapper)));
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            settings.staticAssets().ifPresent(folder -> {
                // Javalin's own handler reads each file through the class loader when asked for it;
                // the default one (Jetty's) first mounts the whole jar, every entry of it, as a zip
                // file system, which costs start-up time and memory.
                config.resourceHandler(new JavalinStaticResourceHandler());
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = folder;
                    files.location = Location.CLASSPATH;
                });
            });
            for (Route route : routes) {
                Served served = new Served(route, metrics.series(route.method(), route.path()), mapper);
                config.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(),
                        ctx -> serve(served, ctx));
            }
            config.routes.exception(Exception.class, (failure, ctx) -> writeProblem(ctx, failure));
            config.router.javaLangErrorHandler((response, error) -> writeFault(response, error));
            config.routes.error(404, ctx -> unrouted(ctx, 404));
            config.routes.error(405, ctx -> unrouted(ctx, 405));
            config.requestLogger.http((ctx, millis) -> {
                Object served = ctx.attribute(ROUTE);
                if (served instanceof Served s) {
                    s.series.record(ctx.statusCode(), millis / 1000.0);
                } else {
                    metrics.record(ctx.method().name(), "unmatched", ctx.statusCode(), millis / 1000.0);
                }
            });
        });
        app.start(host, port);
    }

    /**
     * Loads and initialises ahead of time what serving needs whatever the routes: the JSON mapper,
     * with a record written, Javalin's configuration and its Jetty server (whose MIME table lists
     * every locale of the JDK when first loaded), with no server started and no port opened. Optional and
     * without effect on any instance ({@link #start} does all of it anyway): a program may run it on
     * another thread while it opens the use cases, so that it is done by the time they are ready.
     */
    public static void preload() {
        ObjectMapper mapper = Json.mapper();
        try {
            mapper.writeValueAsBytes(new OpsRoutes.Health("UP", "UP"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record could not be written", e);
        }
        Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.resourceHandler(new JavalinStaticResourceHandler());
            config.routes.addHttpHandler(HandlerType.GET, "/health", ctx -> ctx.result("UP"));
            config.routes.exception(Exception.class, (failure, ctx) -> ctx.status(500));
            config.routes.error(404, ctx -> ctx.status(404));
            config.requestLogger.http((ctx, millis) -> ctx.statusCode());
        }).jettyServer().server();
    }

    /** The port served on (after {@link #start}). */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    /** Stops serving and releases the port. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    /** The route table, for tests and the document. */
    List<Route> routes() {
        return routes;
    }

    /** Javalin's router as the server holds it (after {@link #start}). */
    synchronized ExactPathRouter router() {
        return (ExactPathRouter) app.unsafe.internalRouter;
    }

    /** Method and path of every route the server registered, as Javalin holds them. */
    synchronized List<String> registeredRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path).toList();
    }

    /** The OpenAPI document, written from the route table when first asked for (not at start-up) and kept. */
    String openApiDocument() {
        String document = openApi;
        if (document == null) {
            synchronized (openApiLock) {
                document = openApi;
                if (document == null) {
                    try {
                        document = mapper.writerWithDefaultPrettyPrinter()
                                .writeValueAsString(OpenApi.document(routes, VERSION));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("the OpenAPI document could not be written", e);
                    }
                    openApi = document;
                }
            }
        }
        return document;
    }

    // ---------------------------------------------------------------- serving

    /**
     * A route as the server holds it: with its metrics series, the body components that must not be
     * null and the reader of its body, worked out once instead of on every request (the reader when
     * first needed, so that start-up builds no deserializer).
     */
    private static final class Served {
        final Route route;
        final Metrics.Series series;
        final List<RecordComponent> primitives;
        final BiConsumer<Route, Object> completeness;
        private final ObjectMapper mapper;
        private final Class<?> bodyType;
        private volatile ObjectReader reader;

        Served(Route route, Metrics.Series series, ObjectMapper mapper) {
            this.route = route;
            this.series = series;
            this.mapper = mapper;
            Class<?> bodyType = route.body().map(Route.Body::type).orElse(null);
            this.bodyType = bodyType;
            this.primitives = bodyType == null ? List.of() : primitiveTargets(route, bodyType);
            this.completeness = (r, body) -> requirePresent(body == null || body.getClass() == bodyType
                    ? primitives : primitiveTargets(r, body.getClass()), body);
        }

        ObjectReader reader() {
            ObjectReader found = reader;
            if (found == null) {
                found = bodyType == null ? mapper.reader() : mapper.readerFor(bodyType);
                reader = found;
            }
            return found;
        }
    }

    private void serve(Served served, Context ctx) throws Exception {
        Route route = served.route;
        ctx.attribute(ROUTE, served);
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null && !ifMatch.isBlank() && route.ifMatch()) {
            ctx.attribute(IF_MATCH_SENT, Boolean.TRUE);
        }
        Optional<Principal> caller = authenticate(route, ctx);
        byte[] body = readBody(route, ctx);
        Call call = new Call(ctx, route, caller, body, served.reader(), served.completeness);
        Optional<String> key = route.idempotent() ? call.idempotencyKey() : Optional.empty();
        Rendered out;
        if (key.isPresent()) {
            if (key.get().length() > MAX_IDEMPOTENCY_KEY) {
                throw HttpProblem.badRequest(IDEMPOTENCY_KEY, "must be at most " + MAX_IDEMPOTENCY_KEY + " characters");
            }
            out = idempotency.run(new Idempotency.Key(caller.map(Principal::name).orElse(""), key.get()),
                    fingerprint(route, ctx, body), () -> render(route, route.action().handle(call)));
        } else {
            out = render(route, route.action().handle(call));
        }
        String etag = out.headers().get("ETag");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (route.tagged() && etag != null && ifNoneMatch != null
                && ETags.noneMatchHits(ifNoneMatch, Long.parseLong(etag.replace("\"", "")))) {
            ctx.status(304).header("ETag", etag);
            return;
        }
        ctx.status(out.status());
        out.headers().forEach(ctx::header);
        ctx.contentType(out.contentType());
        // Written here rather than handed to Javalin as a result, which would copy it through a
        // new 32 KiB buffer on every response; the stream still compresses large bodies.
        ctx.outputStream().write(out.body());
    }

    private Optional<Principal> authenticate(Route route, Context ctx) {
        if (route.access().isPublic()) {
            return Optional.empty();
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw HttpProblem.unauthorized("send Authorization: Bearer <token>");
        }
        String credentials = bearer(header);
        if (credentials == null) {
            throw HttpProblem.unauthorized("only bearer tokens are accepted: Authorization: Bearer <token>");
        }
        Principal principal = tokens.authenticate(credentials)
                .orElseThrow(() -> HttpProblem.unauthorized("the token is unknown or revoked"));
        if (!route.access().allows(principal.role())) {
            throw HttpProblem.forbidden("a " + principal.role().name().toLowerCase(Locale.ROOT)
                    + " token may not " + route.summary().toLowerCase(Locale.ROOT) + "; it needs "
                    + route.access().describe());
        }
        return Optional.of(principal);
    }

    /** The credentials of {@code Bearer <credentials>} (scheme in any case, blanks around), or null. */
    static String bearer(String header) {
        String value = header.strip();
        int space = 0;
        while (space < value.length() && !Character.isWhitespace(value.charAt(space))) {
            space++;
        }
        if (space != 6 || !value.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;
        }
        String credentials = value.substring(space).strip();
        return credentials.isEmpty() ? null : credentials;
    }

    /**
     * The request body, at most {@code maxBodyBytes}; empty when none was sent or the route takes
     * none. A body must be JSON (415 otherwise) and not too large (413).
     */
    private byte[] readBody(Route route, Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        boolean chunked = ctx.header("Transfer-Encoding") != null;
        if (declared == 0 || (declared < 0 && !chunked) || route.body().isEmpty()) {
            return new byte[0];
        }
        if (!isJson(ctx.contentType())) {
            throw new HttpProblem(415, "unsupported-media-type", "send the body as application/json");
        }
        long max = settings.maxBodyBytes();
        InputStream in = ctx.req().getInputStream();
        if (declared > max) {
            drain(in);
            throw tooLarge(max);
        }
        if (declared > 0) {
            // the length is known: read exactly that, into a buffer of that size
            byte[] bytes = new byte[(int) declared];
            int read = in.readNBytes(bytes, 0, bytes.length);
            return read == bytes.length ? bytes : Arrays.copyOf(bytes, read);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            drain(in);
            throw tooLarge(max);
        }
        return bytes;
    }

    private static HttpProblem tooLarge(long max) {
        return new HttpProblem(413, "body-too-large", "the body is larger than " + max + " bytes");
    }

    /** Reads (a bounded amount of) what is left of a refused body, so that the client can read the answer. */
    private static void drain(InputStream in) {
        try {
            byte[] sink = new byte[64 * 1024];
            long left = 16L * 1024 * 1024;
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException ignored) {
            // the client went away; nothing to answer
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        String media = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")
                    && !kv[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** The components of {@code body} that become primitives of the route's command. */
    private static List<RecordComponent> primitiveTargets(Route route, Class<?> body) {
        Optional<Class<? extends Record>> command = route.body().flatMap(Route.Body::command);
        if (command.isEmpty() || !body.isRecord()) {
            return List.of();
        }
        Map<String, Class<?>> commandTypes = new LinkedHashMap<>();
        Arrays.stream(command.get().getRecordComponents()).forEach(rc -> commandTypes.put(rc.getName(), rc.getType()));
        List<RecordComponent> primitives = new ArrayList<>();
        for (RecordComponent rc : body.getRecordComponents()) {
            Class<?> target = commandTypes.get(rc.getName());
            if (target != null && target.isPrimitive()) {
                primitives.add(rc);
            }
        }
        return List.copyOf(primitives);
    }

    /**
     * Refuses a body whose integer or boolean fields are missing where the command needs a value
     * (its {@code primitives}): the command's primitive would otherwise silently take 0 or false.
     */
    private static void requirePresent(List<RecordComponent> primitives, Object body) {
        if (body == null || primitives.isEmpty()) {
            return;
        }
        List<InvalidCommandException.Violation> missing = new ArrayList<>();
        for (RecordComponent rc : primitives) {
            try {
                if (rc.getAccessor().invoke(body) == null) {
                    missing.add(new InvalidCommandException.Violation(rc.getName(), "must not be null"));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidCommandException(missing);
        }
    }

    private Rendered render(Route route, Reply reply) throws JsonProcessingException {
        if (reply.body() instanceof String text) {
            return new Rendered(reply.status(), route.response().mediaType(), text.getBytes(StandardCharsets.UTF_8),
                    reply.headers());
        }
        Object view = reply.body();
        byte[] json = view == null ? mapper.writeValueAsBytes(null)
                : writers.computeIfAbsent(view.getClass(), mapper::writerFor).writeValueAsBytes(view);
        return new Rendered(reply.status(), "application/json", json, reply.headers());
    }

    /** What makes two requests "the same" for an Idempotency-Key: route, path and the body's JSON value. */
    private String fingerprint(Route route, Context ctx, byte[] body) {
        byte[] normal = body;
        if (body.length > 0) {
            try {
                normal = canonical.writeValueAsBytes(canonical.readValue(body, Object.class));
            } catch (IOException e) {
                normal = body;
            }
        }
        MessageDigest sha = Sha256.digest();
        sha.update((route.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(normal);
        return HexFormat.of().formatHex(sha.digest());
    }

    // ---------------------------------------------------------------- problems

    private void writeProblem(Context ctx, Throwable failure) {
        boolean ifMatchSent = Boolean.TRUE.equals(ctx.attribute(IF_MATCH_SENT));
        Problem problem = Problems.of(failure, ctx.path(), ifMatchSent);
        write(ctx, problem);
    }

    /** A java.lang.Error (out of memory, a class missing at run time): still a problem, never a stack trace. */
    private void writeFault(jakarta.servlet.http.HttpServletResponse response, Error error) {
        Problem problem = Problems.of(error, "/", false);
        try {
            response.setStatus(500);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setHeader("X-Correlation-Id", problem.correlationId());
            response.getOutputStream().write(mapper.writeValueAsBytes(problem));
        } catch (IOException | RuntimeException e) {
            // the response is gone or committed; the error is logged under its correlation id
        }
    }

    private void unrouted(Context ctx, int status) {
        String type = ctx.res().getContentType();
        if (type != null && type.startsWith(Problem.MEDIA_TYPE)) {
            return;
        }
        if (status == 404 && ctx.attribute(ROUTE) != null) {
            return;
        }
        write(ctx, Problems.fromJavalin(status, ctx.path()));
    }

    private void write(Context ctx, Problem problem) {
        ctx.status(problem.status());
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"fleetplan\"");
        }
        if (problem.correlationId() != null) {
            ctx.header("X-Correlation-Id", problem.correlationId());
        }
        ctx.contentType(Problem.MEDIA_TYPE);
        try {
            ctx.result(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            ctx.result("{\"status\":" + problem.status() + "}");
        }
    }
}
