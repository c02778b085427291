package io.fleetplan.adapters.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the API: everything the server needs to route, authorise, parse and answer it,
 * and everything the OpenAPI document says about it. The route table is a list of these; the
 * server and the document are both built from it.
 *
 * @param body     the request body, if the operation takes one
 * @param response what a success answers
 * @param idempotent a POST with an effect: takes an Idempotency-Key
 * @param tagged   a GET of an updatable resource: answers an ETag
 * @param ifMatch  an update of such a resource: honours If-Match
 * @param extraErrors error statuses the route may answer beyond those its shape implies
 */
record Route(String method, String path, String operationId, String summary, String tag, Access access,
             List<Param> params, Optional<Body> body, Response response, boolean idempotent, boolean tagged,
             boolean ifMatch, List<Integer> extraErrors, Action action) {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    Route {
        params = List.copyOf(params);
        extraErrors = List.copyOf(extraErrors);
        Objects.requireNonNull(action, "action");
        List<String> declared = params.stream().filter(p -> p.in() == Param.In.PATH).map(Param::name).toList();
        List<String> inPath = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            inPath.add(m.group(1));
        }
        if (!declared.equals(inPath)) {
            throw new IllegalArgumentException(method + " " + path + " declares path parameters " + declared);
        }
    }

    /** What a handler does with a parsed, authorised request. */
    @FunctionalInterface
    interface Action {
        Reply handle(Call call) throws Exception;
    }

    /**
     * A request body: the record clients send, and the command whose constraints (by component
     * name) it is held to, for documentation.
     */
    record Body(Class<? extends Record> type, Optional<Class<? extends Record>> command, boolean required) {
    }

    /** What a success answers: one view, a list of views, a page of views, text, or nothing. */
    record Response(int status, Shape shape, Optional<Class<?>> type, String mediaType) {
        enum Shape { ONE, LIST, PAGE, TEXT }

        static Response one(int status, Class<?> type) {
            return new Response(status, Shape.ONE, Optional.of(type), "application/json");
        }

        static Response list(Class<?> type) {
            return new Response(200, Shape.LIST, Optional.of(type), "application/json");
        }

        static Response page(Class<?> type) {
            return new Response(200, Shape.PAGE, Optional.of(type), "application/json");
        }

        static Response text(String mediaType) {
            return new Response(200, Shape.TEXT, Optional.empty(), mediaType);
        }
    }

    static Builder get(String path) {
        return new Builder("GET", path);
    }

    static Builder post(String path) {
        return new Builder("POST", path);
    }

    static Builder put(String path) {
        return new Builder("PUT", path);
    }

    static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    /** Reads a route declaration top to bottom: method and path, then what it is, who may call it, what it takes. */
    static final class Builder {
        private final String method;
        private final String path;
        private String operationId;
        private String summary = "";
        private String tag = "";
        private Access access;
        private final List<Param> params = new ArrayList<>();
        private Optional<Body> body = Optional.empty();
        private Response response;
        private boolean idempotent;
        private boolean tagged;
        private boolean ifMatch;
        private final List<Integer> extraErrors = new ArrayList<>();

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Builder id(String operationId, String summary) {
            this.operationId = operationId;
            this.summary = summary;
            return this;
        }

        Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        Builder access(Access access) {
            this.access = access;
            return this;
        }

        Builder param(Param param) {
            params.add(param);
            return this;
        }

        Builder body(Class<? extends Record> type, Class<? extends Record> command) {
            body = Optional.of(new Body(type, Optional.ofNullable(command), true));
            return this;
        }

        Builder optionalBody(Class<? extends Record> type, Class<? extends Record> command) {
            body = Optional.of(new Body(type, Optional.ofNullable(command), false));
            return this;
        }

        Builder returns(Response response) {
            this.response = response;
            return this;
        }

        /** A POST with an effect (creating, or a pipeline or order step): an Idempotency-Key makes retries safe. */
        Builder idempotent() {
            this.idempotent = true;
            return this;
        }

        /** A GET of an updatable resource: answers an ETag from the view's version. */
        Builder tagged() {
            this.tagged = true;
            return this;
        }

        /** An update: If-Match becomes the expected version. */
        Builder ifMatch() {
            this.ifMatch = true;
            return this;
        }

        /** Error statuses beyond those the route's shape implies (such as 503 for health). */
        Builder errors(Integer... statuses) {
            extraErrors.addAll(List.of(statuses));
            return this;
        }

        Route handle(Action action) {
            return new Route(method, path, Objects.requireNonNull(operationId, "operationId"), summary, tag,
                    Objects.requireNonNull(access, "access"), params, body, Objects.requireNonNull(response, "response"),
                    idempotent, tagged, ifMatch, extraErrors, action);
        }
    }
}
