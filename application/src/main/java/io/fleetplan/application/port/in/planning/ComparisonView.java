package io.fleetplan.application.port.in.planning;

import io.fleetplan.domain.shared.Money;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans side by side: the plan of record's row first, then the others, with backlog deltas per quarter. */
public record ComparisonView(String planOfRecord, List<String> quarters, List<Row> rows) {
    public ComparisonView {
        quarters = List.copyOf(quarters);
        rows = List.copyOf(rows);
    }

    /** @param backlogDelta per quarter, this plan's backlog less the plan of record's (negative is better) */
    public record Row(String scenario, String firstClearQuarter, long peakBacklogGpus, Money capexUsed,
                      Map<String, Integer> bindingQuarters, List<Long> backlog, List<Long> backlogDelta) {
        public Row {
            bindingQuarters = Collections.unmodifiableMap(new LinkedHashMap<>(bindingQuarters));
            backlog = List.copyOf(backlog);
            backlogDelta = List.copyOf(backlogDelta);
        }
    }
}
