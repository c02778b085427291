package io.fleetplan.adapters.cli;

import io.fleetplan.application.port.in.Page;
import io.fleetplan.application.port.in.capex.CapexQueries;
import io.fleetplan.application.port.in.capex.CommitmentView;
import io.fleetplan.application.port.in.capex.RecordSpend;
import io.fleetplan.application.port.in.fleet.FleetQueries;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.gpu.ListOrdersQuery;
import io.fleetplan.application.port.in.gpu.OrderQueries;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.port.in.records.ImportRecords;
import io.fleetplan.application.port.in.region.RegionQueries;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The CSV kinds Fleetplan imports and exports, each with its columns; an export of a kind imports
 * back as it is.
 */
enum Transfer {
    REGIONS("regions", "id,name"),
    DATA_CENTERS("data-centers", "id,region,name,power_capacity_kw,throughput_per_week"),
    ACCELERATOR_TYPES("accelerator-types", "id,vendor,memory_gib"),
    SKUS("skus", "id,name,accelerator_type,accelerators_per_server,power_per_server_kw,unit_cost,currency"),
    BATCHES("batches", "id,sku,data_center,quantity,expected_delivery,delivered,installed,activated,retired"),
    ORDERS("orders", "region,accelerator_type,tenant,tier,gpus,idempotency_key"),
    SPEND("spend", "commitment,quarter,amount,category,batch,note");

    final String kind;
    final List<String> columns;

    Transfer(String kind, String columns) {
        this.kind = kind;
        this.columns = List.of(columns.split(","));
    }

    static Transfer of(String kind) {
        return Arrays.stream(values()).filter(t -> t.kind.equals(kind)).findFirst().orElseThrow(
                () -> new SettingException("kind", kind, Arrays.stream(values()).map(t -> t.kind).toList().toString()));
    }

    /** A CSV row turned into an import row; a value that does not parse is an error naming its line and column. */
    ImportRecords.Row row(int line, Map<String, String> v) {
        Cells c = new Cells(line, v);
        return switch (this) {
            case REGIONS -> new ImportRecords.RegionRow(line, new RegisterRegion.Command(c.text("id"), c.text("name")));
            case DATA_CENTERS -> new ImportRecords.DataCenterRow(line, new RegisterDataCenter.Command(c.text("id"),
                    c.text("region"), c.text("name"), c.decimal("power_capacity_kw"), c.whole("throughput_per_week")));
            case ACCELERATOR_TYPES -> new ImportRecords.AcceleratorTypeRow(line, new RegisterAcceleratorType.Command(
                    c.text("id"), c.text("vendor"), (int) c.whole("memory_gib")));
            case SKUS -> new ImportRecords.SkuRow(line, new RegisterServerSku.Command(c.text("id"), c.text("name"),
                    c.text("accelerator_type"), (int) c.whole("accelerators_per_server"),
                    c.decimal("power_per_server_kw"), c.decimal("unit_cost"), c.text("currency")));
            case BATCHES -> new ImportRecords.BatchRow(line, new OrderServerBatch.Command(c.text("id"), c.text("sku"),
                    c.text("data_center"), c.whole("quantity"), c.text("expected_delivery")), c.whole("delivered"),
                    c.whole("installed"), c.whole("activated"), c.whole("retired"));
            case ORDERS -> new ImportRecords.OrderRow(line, new SubmitOrder.Command(c.text("region"),
                    c.text("accelerator_type"), c.text("tenant"), c.text("tier"), c.whole("gpus"),
                    c.text("idempotency_key")));
            case SPEND -> new ImportRecords.SpendRow(line, new RecordSpend.Command(c.text("commitment"),
                    c.text("quarter"), c.decimal("amount"), c.text("category"), c.text("batch"), c.text("note")));
        };
    }

    /** Every record of this kind, as CSV rows in {@link #columns} order. */
    List<List<Object>> export(CliRuntime.Session s) {
        List<List<Object>> rows = new ArrayList<>();
        switch (this) {
            case REGIONS -> s.get(RegionQueries.class).regions().forEach(r -> rows.add(List.of(r.id(), r.name())));
            case DATA_CENTERS -> s.get(RegionQueries.class).dataCenters(null).forEach(d -> rows.add(List.of(d.id(),
                    d.region(), d.name(), d.powerCapacityKw().toPlainString(), d.throughputPerWeek())));
            case ACCELERATOR_TYPES -> s.get(FleetQueries.class).acceleratorTypes().forEach(a -> rows.add(List.of(
                    a.id(), a.vendor(), a.memoryGib())));
            case SKUS -> s.get(FleetQueries.class).skus().forEach(k -> rows.add(List.of(k.id(), k.name(),
                    k.acceleratorType(), k.acceleratorsPerServer(), k.powerPerServerKw().toPlainString(),
                    k.unitCost().amount().toPlainString(), k.unitCost().currency().getCurrencyCode())));
            case BATCHES -> s.get(FleetQueries.class).batches(null).forEach(b -> rows.add(List.of(b.id(), b.sku(),
                    b.dataCenter(), b.quantity(), b.expectedDelivery(), b.delivered(), b.installed(), b.activated(),
                    b.retired())));
            case ORDERS -> {
                String cursor = null;
                do {
                    Page<OrderView> page = s.get(OrderQueries.class).orders(new ListOrdersQuery(null, null, null,
                            null, null, null, null, 1000, cursor));
                    page.items().forEach(o -> rows.add(Arrays.asList(o.region(), o.acceleratorType(), o.tenant(),
                            o.tier(), o.gpus(), o.idempotencyKey())));
                    cursor = page.nextCursor().orElse(null);
                } while (cursor != null);
            }
            case SPEND -> {
                for (CommitmentView c : s.get(CapexQueries.class).commitments()) {
                    c.spends().forEach(sp -> rows.add(Arrays.asList(c.id(), sp.quarter(),
                            sp.amount().amount().toPlainString(), sp.category(), sp.batch(), sp.note())));
                }
            }
        }
        return rows;
    }

    /** The cells of one row, parsed with errors that name the line and the column. */
    private record Cells(int line, Map<String, String> values) {
        String text(String column) {
            String v = values.get(column);
            return v == null || v.isEmpty() ? null : v;
        }

        long whole(String column) {
            return parse(column, s -> Long.parseLong(s.trim()), 0L, "a whole number");
        }

        BigDecimal decimal(String column) {
            return parse(column, s -> new BigDecimal(s.trim()), null, "a decimal number");
        }

        private <T> T parse(String column, Function<String, T> parser, T empty, String what) {
            String v = text(column);
            if (v == null) {
                return empty;
            }
            try {
                return parser.apply(v);
            } catch (NumberFormatException e) {
                throw new ImportRecords.ImportFailedException(List.of(new ImportRecords.LineError(line,
                        column + " '" + v + "' is not " + what)));
            }
        }
    }

    /** Reads the header and the rows of a CSV of this kind. */
    List<ImportRecords.Row> read(String text) {
        List<Csv.Record> records;
        try {
            records = Csv.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ImportRecords.ImportFailedException(List.of(new ImportRecords.LineError(0, e.getMessage())));
        }
        if (records.isEmpty()) {
            throw new ImportRecords.ImportFailedException(List.of(new ImportRecords.LineError(1,
                    "the file is empty; the first line names the columns: " + String.join(",", columns))));
        }
        List<String> header = records.get(0).fields().stream().map(String::trim).toList();
        List<String> unknown = header.stream().filter(h -> !columns.contains(h)).toList();
        if (!unknown.isEmpty() || !header.containsAll(columns.subList(0, 1))) {
            throw new ImportRecords.ImportFailedException(List.of(new ImportRecords.LineError(1,
                    "the columns of " + kind + " are " + String.join(",", columns) + "; unknown: " + unknown)));
        }
        List<ImportRecords.Row> rows = new ArrayList<>();
        List<ImportRecords.LineError> errors = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            if (r.fields().size() != header.size()) {
                errors.add(new ImportRecords.LineError(r.line(), "has " + r.fields().size() + " fields, the header "
                        + header.size()));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), r.fields().get(i));
            }
            try {
                rows.add(row(r.line(), values));
            } catch (ImportRecords.ImportFailedException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRecords.ImportFailedException(errors);
        }
        return rows;
    }
}
