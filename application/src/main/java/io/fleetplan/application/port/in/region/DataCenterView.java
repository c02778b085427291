package io.fleetplan.application.port.in.region;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data centre with its power and pipeline figures.
 *
 * @param serversByStage servers at each stage of the deployment pipeline (ORDERED ... RETIRED)
 * @param undeployed     servers delivered but not in service: hardware waiting for racks and power
 */
public record DataCenterView(String id, String region, String name, BigDecimal powerCapacityKw,
                             BigDecimal powerInUseKw, BigDecimal powerHeadroomKw, long throughputPerWeek,
                             Map<String, Long> serversByStage, long undeployed, long version) {
    public DataCenterView {
        serversByStage = Collections.unmodifiableMap(new LinkedHashMap<>(serversByStage));
    }
}
