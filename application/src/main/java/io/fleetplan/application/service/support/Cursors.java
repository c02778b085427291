package io.fleetplan.application.service.support;

import io.fleetplan.domain.shared.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: the key of the last item of a page, encoded so clients do not build them. */
public final class Cursors {
    private Cursors() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("cursor", "cursor '" + cursor + "' is not one this server issued");
        }
    }

    public static int limit(int requested) {
        return requested <= 0 ? 50 : Math.min(requested, 1000);
    }
}
