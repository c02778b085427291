package io.fleetplan.application.port.in.fleet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A server batch and how many of its servers sit at each pipeline stage. */
public record BatchView(String id, String sku, String dataCenter, String region, String acceleratorType,
                        long quantity, String expectedDelivery, long delivered, long installed, long activated,
                        long retired, Map<String, Long> byStage, long version) {
    public BatchView {
        byStage = Collections.unmodifiableMap(new LinkedHashMap<>(byStage));
    }
}
