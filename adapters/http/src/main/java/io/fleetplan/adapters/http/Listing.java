package io.fleetplan.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetplan.application.port.in.Page;

import java.util.List;

/** The JSON envelopes of lists: {@code {"items": [...]}} and, for paged lists, a {@code nextCursor} until the last page. */
final class Listing {
    private Listing() {
    }

    record Items(List<?> items) {
        Items {
            items = List.copyOf(items);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Paged(List<?> items, String nextCursor) {
        Paged {
            items = List.copyOf(items);
        }

        static Paged of(Page<?> page) {
            return new Paged(page.items(), page.nextCursor().orElse(null));
        }
    }
}
