/** Implementation of bulk imports. */
package io.fleetplan.application.service.records;
