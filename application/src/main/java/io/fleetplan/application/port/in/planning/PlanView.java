package io.fleetplan.application.port.in.planning;

import io.fleetplan.domain.shared.Money;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A capacity plan, quarter by quarter, with its summary. Maps are keyed by region, pool or data centre id. */
public record PlanView(String scenario, String start, String end, List<QuarterView> quarters, SummaryView summary) {
    public PlanView {
        quarters = List.copyOf(quarters);
    }

    public record QuarterView(String quarter, FiguresView total, Map<String, FiguresView> regions,
                              Map<String, FiguresView> pools, Map<String, FiguresView> dataCenters) {
        public QuarterView {
            regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
            pools = Collections.unmodifiableMap(new LinkedHashMap<>(pools));
            dataCenters = Collections.unmodifiableMap(new LinkedHashMap<>(dataCenters));
        }
    }

    /**
     * @param firstClearQuarter the first quarter from which no backlog remains; null: not within the horizon
     * @param bindingQuarters   how many quarters each constraint bound the fleet
     */
    public record SummaryView(String firstClearQuarter, long peakBacklogGpus, String peakBacklogQuarter,
                              Money capexUsed, long peakInventoryServers, String peakInventoryQuarter,
                              Map<String, Integer> bindingQuarters) {
        public SummaryView {
            bindingQuarters = Collections.unmodifiableMap(new LinkedHashMap<>(bindingQuarters));
        }
    }
}
