package io.fleetplan.application.port.in;

import java.util.List;
import java.util.Optional;

/** One page of a list, and the cursor that fetches the next one (empty on the last page). */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
