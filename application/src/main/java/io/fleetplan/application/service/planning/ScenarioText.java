package io.fleetplan.application.service.planning;

import io.fleetplan.application.port.in.planning.ScenarioDefinition;
import io.fleetplan.application.port.in.planning.ScenarioDefinition.CapexChangeDefinition;
import io.fleetplan.application.port.in.planning.ScenarioDefinition.PoolDemandDefinition;
import io.fleetplan.application.port.in.planning.ScenarioDefinition.PowerAdditionDefinition;
import io.fleetplan.application.port.in.planning.ScenarioDefinition.ThroughputChangeDefinition;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * The text a store keeps for a scenario: {@code key=value} lines in the properties format, keys in
 * a fixed order, so that equal definitions are equal text and any store can keep it as a string.
 */
final class ScenarioText {
    private ScenarioText() {
    }

    static String write(ScenarioDefinition d) {
        StringBuilder out = new StringBuilder();
        put(out, "name", d.name());
        put(out, "horizonQuarters", d.horizonQuarters());
        put(out, "growthYoy", d.growthYoy());
        put(out, "growthPreset", d.growthPreset());
        put(out, "commitment", d.commitment());
        put(out, "leadTimeQuarters", d.leadTimeQuarters());
        put(out, "usefulLifeYears", d.usefulLifeYears());
        for (int i = 0; i < d.pools().size(); i++) {
            PoolDemandDefinition p = d.pools().get(i);
            String k = "pool." + i + ".";
            put(out, k + "region", p.region());
            put(out, k + "acceleratorType", p.acceleratorType());
            put(out, k + "internalGrowthYoy", p.internalGrowthYoy());
            put(out, k + "externalGrowthYoy", p.externalGrowthYoy());
            put(out, k + "internalSeries", series(p.internalSeries()));
            put(out, k + "externalSeries", series(p.externalSeries()));
        }
        for (int i = 0; i < d.capexChanges().size(); i++) {
            CapexChangeDefinition c = d.capexChanges().get(i);
            put(out, "capex." + i + ".quarter", c.quarter());
            put(out, "capex." + i + ".kind", c.kind());
            put(out, "capex." + i + ".amount", c.amount());
        }
        for (int i = 0; i < d.throughputChanges().size(); i++) {
            ThroughputChangeDefinition t = d.throughputChanges().get(i);
            put(out, "throughput." + i + ".dataCenter", t.dataCenter());
            put(out, "throughput." + i + ".quarter", t.quarter());
            put(out, "throughput." + i + ".kind", t.kind());
            put(out, "throughput." + i + ".value", t.value());
        }
        for (int i = 0; i < d.powerAdditions().size(); i++) {
            PowerAdditionDefinition p = d.powerAdditions().get(i);
            put(out, "power." + i + ".dataCenter", p.dataCenter());
            put(out, "power." + i + ".quarter", p.quarter());
            put(out, "power." + i + ".megawatts", p.megawatts());
        }
        return out.toString();
    }

    static ScenarioDefinition read(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored scenario cannot be read: " + e.getMessage(), e);
        }
        List<PoolDemandDefinition> pools = list(p, "pool", k -> new PoolDemandDefinition(p.getProperty(k + "region"),
                p.getProperty(k + "acceleratorType"), decimal(p, k + "internalGrowthYoy"),
                decimal(p, k + "externalGrowthYoy"), series(p.getProperty(k + "internalSeries")),
                series(p.getProperty(k + "externalSeries"))));
        List<CapexChangeDefinition> capex = list(p, "capex", k -> new CapexChangeDefinition(p.getProperty(k + "quarter"),
                p.getProperty(k + "kind"), decimal(p, k + "amount")));
        List<ThroughputChangeDefinition> throughput = list(p, "throughput", k -> new ThroughputChangeDefinition(
                p.getProperty(k + "dataCenter"), p.getProperty(k + "quarter"), p.getProperty(k + "kind"),
                decimal(p, k + "value")));
        List<PowerAdditionDefinition> power = list(p, "power", k -> new PowerAdditionDefinition(
                p.getProperty(k + "dataCenter"), p.getProperty(k + "quarter"), decimal(p, k + "megawatts")));
        String life = p.getProperty("usefulLifeYears");
        return new ScenarioDefinition(p.getProperty("name"), Integer.parseInt(p.getProperty("horizonQuarters")),
                decimal(p, "growthYoy"), p.getProperty("growthPreset"), p.getProperty("commitment"), pools, capex,
                throughput, power, Integer.parseInt(p.getProperty("leadTimeQuarters")),
                life == null ? null : Integer.valueOf(life));
    }

    private static <T> List<T> list(Properties p, String prefix, Function<String, T> read) {
        List<T> out = new ArrayList<>();
        while (true) {
            String key = prefix + "." + out.size() + ".";
            if (p.stringPropertyNames().stream().noneMatch(k -> k.startsWith(key))) {
                return out;
            }
            out.add(read.apply(key));
        }
    }

    private static BigDecimal decimal(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null ? null : new BigDecimal(value);
    }

    private static String series(List<Long> values) {
        return values == null ? null : String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static List<Long> series(String text) {
        if (text == null) {
            return null;
        }
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    private static void put(StringBuilder out, String key, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        out.append(key).append('=').append(escape(text)).append('\n');
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!' || (c == ' ' && i == 0)) {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
