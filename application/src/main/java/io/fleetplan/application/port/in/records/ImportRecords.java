package io.fleetplan.application.port.in.records;

import io.fleetplan.application.port.in.capex.RecordSpend;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.domain.shared.Actor;

import java.util.List;
import java.util.Map;

/**
 * Loads many records at once, all or nothing: every row's constraints are checked first and every
 * broken one reported with its line; then the rows are applied in one transaction, and the first
 * row the model refuses undoes them all. Rows are applied in the order given.
 */
public interface ImportRecords {
    ImportReport importAll(Actor actor, List<Row> rows, Progress progress);

    /** One record of an import, with the line it came from. */
    sealed interface Row permits RegionRow, DataCenterRow, AcceleratorTypeRow, SkuRow, BatchRow, OrderRow, SpendRow {
        int line();

        Object command();
    }

    record RegionRow(int line, RegisterRegion.Command command) implements Row {
    }

    record DataCenterRow(int line, RegisterDataCenter.Command command) implements Row {
    }

    record AcceleratorTypeRow(int line, RegisterAcceleratorType.Command command) implements Row {
    }

    record SkuRow(int line, RegisterServerSku.Command command) implements Row {
    }

    /** A batch ordered, then as many of its servers delivered, installed, activated and retired as given. */
    record BatchRow(int line, OrderServerBatch.Command command, long delivered, long installed, long activated,
                    long retired) implements Row {
    }

    record OrderRow(int line, SubmitOrder.Command command) implements Row {
    }

    record SpendRow(int line, RecordSpend.Command command) implements Row {
    }

    /** Told how far an import has come, every few hundred rows and at the end. */
    @FunctionalInterface
    interface Progress {
        void applied(int rows, int total);
    }

    /** What an import loaded: rows per kind. */
    record ImportReport(int rows, Map<String, Integer> byKind) {
        public ImportReport {
            byKind = Map.copyOf(byKind);
        }
    }

    /** Rows that cannot be imported, each with its line; nothing was loaded. */
    final class ImportFailedException extends RuntimeException {
        private final List<LineError> errors;

        public ImportFailedException(List<LineError> errors) {
            super(errors.size() + " row(s) refused, nothing imported; first: line " + errors.get(0).line() + ": "
                    + errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        public List<LineError> errors() {
            return errors;
        }
    }

    record LineError(int line, String message) {
    }
}
