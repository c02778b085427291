package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.planning.ComparisonView;
import io.fleetplan.application.port.in.planning.GrowthPresetView;
import io.fleetplan.application.port.in.planning.PlanCsv;
import io.fleetplan.application.port.in.planning.PlanSummaryView;
import io.fleetplan.application.port.in.planning.PlanView;
import io.fleetplan.application.port.in.planning.RunPlans;
import io.fleetplan.application.port.in.planning.ScenarioDefinition;
import io.fleetplan.application.port.in.planning.ScenarioView;
import io.fleetplan.application.port.in.planning.SolverView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.fleetplan.adapters.http.Route.Response.list;
import static io.fleetplan.adapters.http.Route.Response.one;
import static io.fleetplan.adapters.http.Route.Response.text;

/** Planning: scenarios, plans projected from the live state, comparisons, the solver, growth presets. */
final class PlanningRoutes {
    private static final String TAG = "planning";
    private static final String SCENARIO = "/api/v1/scenarios/{name}";
    private static final String PLAN = "/api/v1/plans/{name}";

    private PlanningRoutes() {
    }

    /** Which lever to relax and by when the backlog must be clear. */
    record SolveRequest(String lever, String clearBy) {
    }

    /** What a deletion removed. */
    record Deleted(String deleted) {
    }

    static List<Route> routes(Endpoints e) {
        return List.of(
                Route.get("/api/v1/scenarios").id("listScenarios", "List stored scenarios").tag(TAG)
                        .access(Access.READ).returns(list(ScenarioView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.manageScenarios().scenarios()))),
                Route.post("/api/v1/scenarios").id("createScenario",
                                "Store a scenario (the first one becomes the plan of record)").tag(TAG)
                        .access(Access.PLAN).body(ScenarioDefinition.class, ScenarioDefinition.class).idempotent()
                        .errors(409).returns(one(201, ScenarioView.class))
                        .handle(call -> {
                            ScenarioView view = e.manageScenarios().save(call.caller().actor(),
                                    call.body(ScenarioDefinition.class), 0L);
                            return Reply.created(view, location(view.name())).tagged(view.version());
                        }),
                Route.get(SCENARIO).id("getScenario", "Get a stored scenario").tag(TAG).access(Access.READ)
                        .param(name()).tagged().returns(one(200, ScenarioView.class))
                        .handle(call -> {
                            ScenarioView view = e.manageScenarios().scenario(call.path("name"));
                            return Reply.ok(view).tagged(view.version());
                        }),
                Route.put(SCENARIO).id("replaceScenario", "Replace a stored scenario (its name is the path's)")
                        .tag(TAG).access(Access.PLAN).param(name())
                        .body(ScenarioDefinition.class, ScenarioDefinition.class).ifMatch()
                        .returns(one(200, ScenarioView.class))
                        .handle(call -> {
                            ScenarioDefinition body = call.body(ScenarioDefinition.class).named(call.path("name"));
                            Long expected = call.expectedVersion();
                            if (expected == null) {
                                expected = e.manageScenarios().scenario(call.path("name")).version();
                            }
                            ScenarioView view = e.manageScenarios().save(call.caller().actor(), body, expected);
                            return Reply.ok(view).tagged(view.version());
                        }),
                Route.delete(SCENARIO).id("deleteScenario", "Delete a scenario (not the plan of record)").tag(TAG)
                        .access(Access.PLAN).param(name()).returns(one(200, Deleted.class))
                        .handle(call -> {
                            e.manageScenarios().delete(call.caller().actor(), call.path("name"));
                            return Reply.ok(new Deleted(call.path("name")));
                        }),
                Route.post(SCENARIO + "/plan-of-record").id("setPlanOfRecord",
                                "Make a scenario the plan of record").tag(TAG).access(Access.PLAN).param(name())
                        .returns(one(200, ScenarioView.class))
                        .handle(call -> Reply.ok(e.manageScenarios().setPlanOfRecord(call.caller().actor(),
                                call.path("name")))),
                Route.get(PLAN).id("getPlan", "Project a stored scenario from the live state, quarter by quarter")
                        .tag(TAG).access(Access.READ).param(name()).returns(one(200, PlanView.class))
                        .handle(call -> Reply.ok(e.runPlans().plan(call.path("name")))),
                Route.get(PLAN + "/summary").id("getPlanSummary",
                                "What a stored scenario's plan comes to: its summary and, quarter by quarter, the fleet's"
                                        + " backlog, leasable GPUs and binding constraint, without the figures per scope")
                        .tag(TAG).access(Access.READ).param(name()).returns(one(200, PlanSummaryView.class))
                        .handle(call -> Reply.ok(e.runPlans().planSummary(call.path("name")))),
                Route.get(PLAN + "/csv").id("getPlanCsv", "The same plan as CSV, one row per quarter and scope")
                        .tag(TAG).access(Access.READ).param(name()).returns(text("text/csv"))
                        .handle(call -> Reply.ok(PlanCsv.write(e.runPlans().plan(call.path("name"))))),
                Route.post("/api/v1/plans").id("projectPlan", "Project a scenario given in the body, without storing it")
                        .tag(TAG).access(Access.READ).body(ScenarioDefinition.class, ScenarioDefinition.class)
                        .returns(one(200, PlanView.class))
                        .handle(call -> Reply.ok(e.runPlans().plan(call.body(ScenarioDefinition.class)))),
                Route.post(PLAN + "/solve").id("solveBacklog",
                                "The least extra capex, throughput multiplier or power that clears the backlog by a quarter")
                        .tag(TAG).access(Access.READ).param(name()).body(SolveRequest.class, RunPlans.SolveCommand.class)
                        .returns(one(200, SolverView.class))
                        .handle(call -> {
                            SolveRequest b = call.body(SolveRequest.class);
                            return Reply.ok(e.runPlans().solve(new RunPlans.SolveCommand(call.path("name"), b.lever(),
                                    b.clearBy())));
                        }),
                Route.get("/api/v1/comparisons").id("comparePlans",
                                "The plan of record and the named scenarios side by side").tag(TAG).access(Access.READ)
                        .param(Param.query("scenario", "a scenario to compare; repeat for several"))
                        .returns(one(200, ComparisonView.class))
                        .handle(call -> Reply.ok(e.runPlans().compare(call.queries("scenario")))),
                Route.get("/api/v1/growth-presets").id("listGrowthPresets",
                                "Market benchmarks a scenario may take its growth from").tag(TAG).access(Access.READ)
                        .returns(list(GrowthPresetView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.manageScenarios().presets()))));
    }

    private static String location(String name) {
        return "/api/v1/scenarios/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Param name() {
        return Param.path("name", "scenario name");
    }
}
