package io.fleetplan.application.port.in.planning;

import java.util.Map;

/**
 * A plan as CSV (RFC 4180): one row per quarter and scope (the fleet, each region, each pool, each
 * data centre), the same figures as {@link FiguresView}. For spreadsheets and the CLI's {@code --format csv}.
 */
public final class PlanCsv {
    public static final String HEADER = "quarter,scope,id,demand_internal_gpus,demand_external_gpus,capacity_gpus,"
            + "backlog_gpus,leasable_gpus,deployed_servers,purchased_servers,arriving_servers,inventory_servers,"
            + "power_headroom_kw,capex_spent,depreciation,currency,binding";

    private PlanCsv() {
    }

    public static String write(PlanView plan) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (PlanView.QuarterView q : plan.quarters()) {
            row(out, q.quarter(), "total", "", q.total());
            rows(out, q.quarter(), "region", q.regions());
            rows(out, q.quarter(), "pool", q.pools());
            rows(out, q.quarter(), "data_center", q.dataCenters());
        }
        return out.toString();
    }

    private static void rows(StringBuilder out, String quarter, String scope, Map<String, FiguresView> figures) {
        figures.forEach((id, f) -> row(out, quarter, scope, id, f));
    }

    private static void row(StringBuilder out, String quarter, String scope, String id, FiguresView f) {
        out.append(quarter).append(',').append(scope).append(',').append(quote(id)).append(',')
                .append(f.demandInternal()).append(',').append(f.demandExternal()).append(',')
                .append(f.capacity()).append(',').append(f.backlog()).append(',').append(f.leasable()).append(',')
                .append(f.deployed()).append(',').append(f.purchased()).append(',').append(f.arriving()).append(',')
                .append(f.inventory()).append(',').append(f.powerHeadroomKw().toPlainString()).append(',')
                .append(f.capexSpent().amount().toPlainString()).append(',')
                .append(f.depreciation().amount().toPlainString()).append(',')
                .append(f.capexSpent().currency().getCurrencyCode()).append(',').append(f.binding()).append("\r\n");
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
