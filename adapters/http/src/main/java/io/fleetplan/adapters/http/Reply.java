package io.fleetplan.adapters.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, a body (a view, written as JSON; or a String for text) and headers. */
record Reply(int status, Object body, Map<String, String> headers) {
    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    static Reply created(Object body, String location) {
        return new Reply(201, body, Map.of("Location", location));
    }

    /** This reply with one more header. */
    Reply with(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, body, h);
    }

    /** This reply with an ETag for {@code version} of the resource it shows. */
    Reply tagged(long version) {
        return with("ETag", ETags.of(version));
    }
}
