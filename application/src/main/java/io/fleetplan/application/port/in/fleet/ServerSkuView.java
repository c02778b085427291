package io.fleetplan.application.port.in.fleet;

import io.fleetplan.domain.shared.Money;

import java.math.BigDecimal;

public record ServerSkuView(String id, String name, String acceleratorType, int acceleratorsPerServer,
                            BigDecimal powerPerServerKw, Money unitCost) {
}
