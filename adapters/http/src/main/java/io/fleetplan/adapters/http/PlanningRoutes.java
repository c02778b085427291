package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.planning.ComparisonView;
import io.fleetplan.application.port.in.planning.GrowthPresetView;
import io.fleetplan.application.port.in.planning.PlanCsv;
import io.fleetplan.application.port.in.planning.PlanView;
import io.fleetplan.application.port.in.planning.RunPlans;
import io.fleetplan.application.port.in.planning.ScenarioDefinition;
import io.fleetplan.application.port.in.planning.ScenarioView;
import io.fleetplan.application.port.in.planning.SolverView;

import java.util.Arrays;
import java.util.List;

import static io.fleetplan.adapters.http.Route.Response.list;
import static io.fleetplan.adapters.http.Route.Response.one;
import static io.fleetplan.adapters.http.Route.Response.text;

/**
 * Capacity planning: what-if scenarios (stored, replaced with If-Match, one the plan of record),
 * plans projected from the live state, comparisons against the plan of record, and the solver.
 */
final class PlanningRoutes {
    private static final String TAG = "planning";
    private static final String ONE = "/api/v1/scenarios/{name}";

    private PlanningRoutes() {
    }

    static List<Route> routes(Endpoints e) {
        return List.of(
                Route.get("/api/v1/scenarios").id("listScenarios", "List stored scenarios").tag(TAG)
                        .access(Access.READ).returns(list(ScenarioView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.manageScenarios().scenarios()))),
                Route.get(ONE).id("getScenario", "Get a scenario").tag(TAG).access(Access.READ).param(name())
                        .tagged().returns(one(200, ScenarioView.class))
                        .handle(call -> {
                            ScenarioView view = e.manageScenarios().scenario(call.path("name"));
                            return Reply.ok(view).tagged(view.version());
                        }),
                Route.put(ONE).id("saveScenario", "Store a scenario under a name, replacing one of that name")
                        .tag(TAG).access(Access.PLAN).param(name())
                        .body(ScenarioDefinition.class, ScenarioDefinition.class).ifMatch()
                        .returns(one(200, ScenarioView.class))
                        .handle(call -> {
                            ScenarioDefinition body = call.body(ScenarioDefinition.class);
                            String name = call.path("name");
                            if (body.name() != null && !body.name().equals(name)) {
                                throw HttpProblem.badRequest("name", "must be the scenario's name in the path");
                            }
                            ScenarioView view = e.manageScenarios().save(call.caller().actor(), body.named(name),
                                    call.expectedVersion());
                            return Reply.ok(view).tagged(view.version());
                        }),
                Route.delete(ONE).id("deleteScenario", "Delete a scenario").tag(TAG).access(Access.PLAN)
                        .param(name()).returns(one(200, Deleted.class))
                        .handle(call -> {
                            e.manageScenarios().delete(call.caller().actor(), call.path("name"));
                            return Reply.ok(new Deleted(call.path("name")));
                        }),
                Route.post(ONE + "/plan-of-record").id("setPlanOfRecord", "Make a scenario the plan of record")
                        .tag(TAG).access(Access.PLAN).param(name()).idempotent()
                        .returns(one(200, ScenarioView.class))
                        .handle(call -> Reply.ok(e.manageScenarios().setPlanOfRecord(call.caller().actor(),
                                call.path("name")))),
                Route.get(ONE + "/plan").id("planScenario",
                                "Project a stored scenario quarter by quarter from the live state").tag(TAG)
                        .access(Access.READ).param(name()).returns(one(200, PlanView.class))
                        .handle(call -> Reply.ok(e.runPlans().plan(call.path("name")))),
                Route.get(ONE + "/plan.csv").id("planScenarioCsv", "The same plan as CSV (RFC 4180)").tag(TAG)
                        .access(Access.READ).param(name()).returns(text("text/csv"))
                        .handle(call -> Reply.ok(PlanCsv.write(e.runPlans().plan(call.path("name"))))),
                Route.post("/api/v1/plans").id("planInline", "Project a scenario given inline, without storing it")
                        .tag(TAG).access(Access.READ).body(ScenarioDefinition.class, ScenarioDefinition.class)
                        .returns(one(200, PlanView.class))
                        .handle(call -> Reply.ok(e.runPlans().plan(call.body(ScenarioDefinition.class)))),
                Route.get("/api/v1/plans/comparison").id("comparePlans",
                                "The plan of record and named scenarios side by side").tag(TAG).access(Access.READ)
                        .param(Param.query("scenarios", "comma-separated scenario names"))
                        .returns(one(200, ComparisonView.class))
                        .handle(call -> Reply.ok(e.runPlans().compare(call.query("scenarios")
                                .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                                        .toList())
                                .orElse(List.of())))),
                Route.post("/api/v1/plans/solutions").id("solve",
                                "What relaxing one lever (capex, throughput, power) clears the backlog by a quarter")
                        .tag(TAG).access(Access.READ).body(RunPlans.SolveCommand.class, RunPlans.SolveCommand.class)
                        .returns(one(200, SolverView.class))
                        .handle(call -> Reply.ok(e.runPlans().solve(call.body(RunPlans.SolveCommand.class)))),
                Route.get("/api/v1/growth-presets").id("listGrowthPresets",
                                "Market benchmarks a scenario may take its growth from").tag(TAG).access(Access.READ)
                        .returns(list(GrowthPresetView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.manageScenarios().presets()))));
    }

    /** What a deletion answers. */
    record Deleted(String deleted) {
    }

    private static Param name() {
        return Param.path("name", "scenario name");
    }
}
