package io.fleetplan.adapters.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fleetplan.application.port.in.planning.FiguresView;
import io.fleetplan.application.port.in.planning.PlanCsv;
import io.fleetplan.application.port.in.planning.PlanView;
import io.fleetplan.application.port.in.planning.RunPlans;
import io.fleetplan.application.port.in.planning.ScenarioDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** {@code fleetplan plan}: project a stored scenario, or one from a JSON file, and print it. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Project a stored scenario (or one from a JSON file) quarter by quarter.")
final class PlanCommand extends Commands.Base {
    /** Built on first use: the command line builds every command when it starts, {@code serve} included. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "A stored scenario's name (default: the plan of record).")
    String scenario;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the scenario from a JSON file instead.")
    Path file;

    @Option(names = "--start", paramLabel = "QUARTER",
            description = "Start the plan in this quarter (such as 2027Q1) instead of the scenario's start or the"
                    + " current quarter; not before the current quarter.")
    String start;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv",
            description = "Output format (default table).")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.matches("table|json|csv")) {
            throw new SettingException("format", format, "table, json or csv");
        }
        if (start != null && !start.matches("\\d{4}Q[1-4]")) {
            throw new SettingException("start", start, "a quarter such as 2027Q1");
        }
        StoreSettings settings = store.settings();
        ScenarioDefinition inline = file == null ? null : read(file);
        try (CliRuntime.Session session = context.runtime().open(settings)) {
            RunPlans plans = session.get(RunPlans.class);
            PlanView plan;
            if (inline != null) {
                plan = plans.plan(start == null ? inline : inline.startingIn(start));
            } else {
                String name = scenario;
                if (name == null) {
                    name = session.get(io.fleetplan.application.port.in.planning.ManageScenarios.class).scenarios()
                            .stream().filter(s -> s.planOfRecord()).findFirst()
                            .orElseThrow(() -> new StartupFailure("no scenario is the plan of record; name one", null))
                            .name();
                }
                plan = start == null ? plans.plan(name) : plans.plan(session.get(
                        io.fleetplan.application.port.in.planning.ManageScenarios.class).scenario(name).definition()
                        .startingIn(start));
            }
            PrintWriter out = out();
            switch (format) {
                case "json" -> out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan));
                case "csv" -> out.print(PlanCsv.write(plan));
                default -> table(out, plan);
            }
        }
        return FleetplanCli.OK;
    }

    private static ScenarioDefinition read(Path file) {
        try {
            return Json.MAPPER.readValue(Files.readString(file), ScenarioDefinition.class);
        } catch (NoSuchFileException e) {
            throw new StartupFailure("scenario file " + file + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new StartupFailure("scenario file " + file + " is not a valid scenario: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new StartupFailure("scenario file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static void table(PrintWriter out, PlanView plan) {
        out.printf("Plan '%s', %s to %s (fleet totals; GPUs unless noted)%n%n", plan.scenario(), plan.start(),
                plan.end());
        out.printf("%-8s %11s %11s %11s %9s %9s %9s %14s  %s%n", "quarter", "demand", "capacity", "backlog",
                "deployed", "bought", "waiting", "capex", "binding");
        for (PlanView.QuarterView q : plan.quarters()) {
            FiguresView f = q.total();
            out.printf("%-8s %11d %11d %11d %9d %9d %9d %14s  %s%n", q.quarter(), f.demand(), f.capacity(),
                    f.backlog(), f.deployed(), f.purchased(), f.inventory(), billions(f.capexSpent().amount()),
                    f.binding());
        }
        PlanView.SummaryView s = plan.summary();
        out.println();
        out.printf("backlog clears: %s%n", s.firstClearQuarter() == null ? "not within the horizon"
                : s.firstClearQuarter());
        out.printf("peak backlog: %d GPUs in %s; capex used: %s %s; peak undeployed: %d servers%n",
                s.peakBacklogGpus(), s.peakBacklogQuarter(), billions(s.capexUsed().amount()),
                s.capexUsed().currency().getCurrencyCode(), s.peakInventoryServers());
        StringBuilder binding = new StringBuilder();
        for (Map.Entry<String, Integer> e : s.bindingQuarters().entrySet()) {
            if (e.getValue() > 0) {
                binding.append(binding.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
        }
        out.printf("quarters bound by: %s%n", binding.length() == 0 ? "none" : binding);
    }

    private static String billions(BigDecimal amount) {
        return amount.movePointLeft(9).setScale(2, RoundingMode.HALF_UP).toPlainString() + " bn";
    }
}
