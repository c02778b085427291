/**
 * The use-case implementations, one class per feature, built by {@link io.fleetplan.application.service.ApplicationServices}.
 * Adapters never reach in here: they call the interfaces of {@code port.in}.
 */
package io.fleetplan.application.service;
