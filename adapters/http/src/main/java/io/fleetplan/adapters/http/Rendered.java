package io.fleetplan.adapters.http;

import java.util.Map;

/** A response as bytes: what goes on the wire, and what an Idempotency-Key replays. */
record Rendered(int status, String contentType, byte[] body, Map<String, String> headers) {
    Rendered {
        headers = Map.copyOf(headers);
    }
}
