/** What every use-case implementation shares: validation first, one transaction, events appended, page cursors. */
package io.fleetplan.application.service.support;
