package io.fleetplan.application.service.records;

import io.fleetplan.application.port.in.InvalidCommandException;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.records.ImportRecords;
import io.fleetplan.application.service.capex.CapexService;
import io.fleetplan.application.service.fleet.FleetService;
import io.fleetplan.application.service.gpu.OrderService;
import io.fleetplan.application.service.region.RegionService;
import io.fleetplan.application.service.support.CommandValidator;
import io.fleetplan.application.service.support.UseCases;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Imports through the same use cases as single changes, inside one unit of work that they join. */
public final class ImportService implements ImportRecords {
    private static final int PROGRESS_EVERY = 500;

    private final UseCases useCases;
    private final CommandValidator validator;
    private final RegionService regions;
    private final FleetService fleet;
    private final OrderService orders;
    private final CapexService capex;

    public ImportService(UseCases useCases, CommandValidator validator, RegionService regions, FleetService fleet,
                         OrderService orders, CapexService capex) {
        this.useCases = useCases;
        this.validator = validator;
        this.regions = regions;
        this.fleet = fleet;
        this.orders = orders;
        this.capex = capex;
    }

    @Override
    public ImportReport importAll(Actor actor, List<Row> rows, Progress progress) {
        List<LineError> invalid = new ArrayList<>();
        for (Row row : rows) {
            try {
                validator.validate(row.command());
            } catch (InvalidCommandException e) {
                e.violations().forEach(v -> invalid.add(new LineError(row.line(), v.path() + " " + v.message())));
            }
        }
        if (!invalid.isEmpty()) {
            throw new ImportFailedException(invalid);
        }
        return useCases.change(actor, "import", now -> {
            Map<String, Integer> byKind = new TreeMap<>();
            int done = 0;
            for (Row row : rows) {
                try {
                    apply(actor, row);
                } catch (DomainException | InvalidCommandException e) {
                    throw new ImportFailedException(List.of(new LineError(row.line(), e.getMessage())));
                }
                byKind.merge(kind(row), 1, Integer::sum);
                if (++done % PROGRESS_EVERY == 0) {
                    progress.applied(done, rows.size());
                }
            }
            progress.applied(done, rows.size());
            return new ImportReport(done, byKind);
        });
    }

    private void apply(Actor actor, Row row) {
        if (row instanceof RegionRow r) {
            regions.register(actor, r.command());
        } else if (row instanceof DataCenterRow r) {
            regions.register(actor, r.command());
        } else if (row instanceof AcceleratorTypeRow r) {
            fleet.register(actor, r.command());
        } else if (row instanceof SkuRow r) {
            fleet.register(actor, r.command());
        } else if (row instanceof BatchRow r) {
            String id = fleet.order(actor, r.command()).id();
            step(actor, id, AdvancePipeline.Step.DELIVER, r.delivered());
            step(actor, id, AdvancePipeline.Step.INSTALL, r.installed());
            step(actor, id, AdvancePipeline.Step.ACTIVATE, r.activated());
            step(actor, id, AdvancePipeline.Step.RETIRE, r.retired());
        } else if (row instanceof OrderRow r) {
            orders.submit(actor, r.command());
        } else if (row instanceof SpendRow r) {
            capex.recordSpend(actor, r.command());
        } else {
            throw new IllegalArgumentException("unknown row " + row);
        }
    }

    private void step(Actor actor, String batch, AdvancePipeline.Step step, long servers) {
        if (servers > 0) {
            fleet.advance(actor, new AdvancePipeline.Command(batch, step, servers, "import"));
        }
    }

    private static String kind(Row row) {
        if (row instanceof RegionRow) {
            return "regions";
        } else if (row instanceof DataCenterRow) {
            return "data-centers";
        } else if (row instanceof AcceleratorTypeRow) {
            return "accelerator-types";
        } else if (row instanceof SkuRow) {
            return "skus";
        } else if (row instanceof BatchRow) {
            return "batches";
        } else if (row instanceof OrderRow) {
            return "orders";
        }
        return "spend";
    }
}
