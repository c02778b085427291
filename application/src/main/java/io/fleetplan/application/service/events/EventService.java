package io.fleetplan.application.service.events;

import io.fleetplan.application.port.in.Page;
import io.fleetplan.application.port.in.events.EventView;
import io.fleetplan.application.port.in.events.ListEvents;
import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.StoredEvent;
import io.fleetplan.application.service.support.Cursors;
import io.fleetplan.application.service.support.UseCases;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.InvalidValueException;

import java.util.List;
import java.util.Optional;

/** Reads the event log. */
public final class EventService implements ListEvents {
    private final UseCases useCases;

    public EventService(UseCases useCases) {
        this.useCases = useCases;
    }

    @Override
    public Page<EventView> events(Query query) {
        return useCases.read(query, () -> {
            EventFilter filter = new EventFilter(Optional.ofNullable(query.subject()),
                    Optional.ofNullable(query.type()).map(EventService::type), Optional.ofNullable(query.from()),
                    Optional.ofNullable(query.to()));
            long after = 0;
            if (query.cursor() != null && !query.cursor().isBlank()) {
                try {
                    after = Long.parseLong(Cursors.decode(query.cursor()));
                } catch (NumberFormatException e) {
                    throw new InvalidValueException("cursor", "cursor '" + query.cursor() + "' is not one this server issued");
                }
            }
            int limit = Cursors.limit(query.limit());
            List<StoredEvent> found = useCases.stores().events().list(filter, after, limit + 1);
            boolean more = found.size() > limit;
            List<StoredEvent> items = more ? found.subList(0, limit) : found;
            Optional<String> next = more
                    ? Optional.of(Cursors.encode(Long.toString(items.get(items.size() - 1).sequence())))
                    : Optional.empty();
            return new Page<>(items.stream().map(EventService::view).toList(), next);
        });
    }

    private static EventType type(String name) {
        try {
            return EventType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("type", "'" + name + "' is not an event type");
        }
    }

    private static EventView view(StoredEvent e) {
        return new EventView(e.sequence(), e.at(), e.actor().name(), e.actor().role(), e.event().type().name(),
                e.event().subject(), e.event().details(), e.event().reason());
    }
}
