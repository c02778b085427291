package io.fleetplan.adapters.jooq;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of an event as one text column: {@code key=value} pairs joined by {@code &}, in the
 * event's order, with {@code %}, {@code &}, {@code =} and line breaks written as {@code %XX}. The
 * empty text is the empty map. Readable in a SQL console, and no JSON library needed.
 */
final class EventDetails {
    private EventDetails() {
    }

    static String encode(Map<String, String> details) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Map.Entry<String, String> e : details.entrySet()) {
            if (!first) {
                out.append('&');
            }
            first = false;
            escape(e.getKey(), out);
            out.append('=');
            escape(e.getValue(), out);
        }
        return out.toString();
    }

    static Map<String, String> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("stored event details '" + text + "' are not key=value pairs");
            }
            out.put(unescape(pair.substring(0, eq)), unescape(pair.substring(eq + 1)));
        }
        return out;
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%', '&', '=', '\n', '\r' -> out.append('%').append(String.format("%02X", (int) c));
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() + 1 && i + 2 <= s.length() - 1) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
