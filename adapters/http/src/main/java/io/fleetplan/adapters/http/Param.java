package io.fleetplan.adapters.http;

import java.util.Optional;

/**
 * A path or query parameter of a route, as documented and as parsed.
 *
 * @param type    the JSON schema type: string, integer or boolean
 * @param format  a JSON schema format such as date-time, or empty
 * @param pattern a regular expression the value must match, or empty
 */
record Param(String name, In in, String type, Optional<String> format, String description, boolean required,
             Optional<String> pattern, Optional<Long> minimum, Optional<Long> maximum, Optional<Object> defaultValue) {
    enum In { PATH, QUERY }

    static Param path(String name, String description) {
        return new Param(name, In.PATH, "string", Optional.empty(), description, true, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Param query(String name, String description) {
        return new Param(name, In.QUERY, "string", Optional.empty(), description, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Param instant(String name, String description) {
        return new Param(name, In.QUERY, "string", Optional.of("date-time"), description, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Param limit() {
        return new Param("limit", In.QUERY, "integer", Optional.of("int32"), "page size", false, Optional.empty(),
                Optional.of(1L), Optional.of((long) Call.MAX_LIMIT), Optional.of(Call.DEFAULT_LIMIT));
    }

    static Param cursor() {
        return query("cursor", "the nextCursor of the previous page");
    }

    Param pattern(String regex) {
        return new Param(name, in, type, format, description, required, Optional.of(regex), minimum, maximum,
                defaultValue);
    }
}
