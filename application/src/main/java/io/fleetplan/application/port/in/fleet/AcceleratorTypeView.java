package io.fleetplan.application.port.in.fleet;

public record AcceleratorTypeView(String id, String vendor, int memoryGib) {
}
