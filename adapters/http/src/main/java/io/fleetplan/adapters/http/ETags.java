package io.fleetplan.adapters.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags from resource versions: version 7 is {@code "7"}. {@code If-Match} carries the
 * version a client read; it becomes the command's expected version, so the check and the change
 * happen in one transaction.
 */
final class ETags {
    private static final Pattern STRONG = Pattern.compile("^\"(\\d{1,18})\"$");

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header asks for: null for {@code *} (any version). A tag this server
     * could not have issued can never match, so it fails the precondition (412).
     */
    static Long expectedVersion(String ifMatch) {
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return null;
        }
        Matcher m = STRONG.matcher(value);
        if (!m.matches()) {
            throw new HttpProblem(412, "precondition-failed",
                    "If-Match must be one entity tag this server issued, such as \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    /** Whether an If-None-Match header matches {@code version} (a GET may then answer 304). */
    static boolean noneMatchHits(String ifNoneMatch, long version) {
        String tag = of(version);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
