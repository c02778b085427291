package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.capex.AddTranche;
import io.fleetplan.application.port.in.capex.AmendCommitment;
import io.fleetplan.application.port.in.capex.CommitmentStatusView;
import io.fleetplan.application.port.in.capex.CommitmentView;
import io.fleetplan.application.port.in.capex.CreateCommitment;
import io.fleetplan.application.port.in.capex.RecordSpend;

import java.math.BigDecimal;
import java.util.List;

import static io.fleetplan.adapters.http.Route.Response.list;
import static io.fleetplan.adapters.http.Route.Response.one;

/** Capex commitments: the programme, its tranches, spend and amendments, and where it stands. */
final class CapexRoutes {
    private static final String TAG = "capex";
    private static final String ONE = "/api/v1/commitments/{id}";

    private CapexRoutes() {
    }

    /** Money planned for a quarter, optionally for one region; in the commitment's currency. */
    record TrancheRequest(String quarter, BigDecimal amount, String region) {
    }

    /** Capital paid out in a quarter; in the commitment's currency. */
    record SpendRequest(String quarter, BigDecimal amount, String category, String batch, String note) {
    }

    /** A new total (and optionally a new end quarter), with the reason for it. */
    record AmendmentRequest(BigDecimal newTotal, String newEnd, String reason) {
    }

    static List<Route> routes(Endpoints e) {
        return List.of(
                Route.get("/api/v1/commitments").id("listCommitments", "List capex commitments").tag(TAG)
                        .access(Access.READ).returns(list(CommitmentView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.capexQueries().commitments()))),
                Route.post("/api/v1/commitments").id("createCommitment", "Open a capex commitment").tag(TAG)
                        .access(Access.PLAN).body(CreateCommitment.Command.class, CreateCommitment.Command.class)
                        .idempotent().returns(one(201, CommitmentView.class))
                        .handle(call -> {
                            CommitmentView view = e.createCommitment().create(call.caller().actor(),
                                    call.body(CreateCommitment.Command.class));
                            return Reply.created(view, "/api/v1/commitments/" + view.id()).tagged(view.version());
                        }),
                Route.get(ONE).id("getCommitment", "Get a capex commitment with its tranches, spend and amendments")
                        .tag(TAG).access(Access.READ).param(id()).tagged().returns(one(200, CommitmentView.class))
                        .handle(call -> {
                            CommitmentView view = e.capexQueries().commitment(call.path("id"));
                            return Reply.ok(view).tagged(view.version());
                        }),
                Route.post(ONE + "/tranches").id("addTranche", "Plan money for a quarter").tag(TAG)
                        .access(Access.PLAN).param(id()).body(TrancheRequest.class, AddTranche.Command.class)
                        .idempotent().ifMatch().returns(one(201, CommitmentView.class))
                        .handle(call -> {
                            TrancheRequest b = call.body(TrancheRequest.class);
                            CommitmentView view = e.addTranche().addTranche(call.caller().actor(),
                                    new AddTranche.Command(call.path("id"), b.quarter(), b.amount(), b.region(),
                                            call.expectedVersion()));
                            return Reply.created(view, "/api/v1/commitments/" + view.id()).tagged(view.version());
                        }),
                Route.post(ONE + "/spend").id("recordSpend",
                                "Record capital paid out (refused beyond the commitment's total)").tag(TAG)
                        .access(Access.PLAN).param(id()).body(SpendRequest.class, RecordSpend.Command.class)
                        .idempotent().ifMatch().returns(one(201, CommitmentView.class))
                        .handle(call -> {
                            SpendRequest b = call.body(SpendRequest.class);
                            CommitmentView view = e.recordSpend().recordSpend(call.caller().actor(),
                                    new RecordSpend.Command(call.path("id"), b.quarter(), b.amount(), b.category(),
                                            b.batch(), b.note(), call.expectedVersion()));
                            return Reply.created(view, "/api/v1/commitments/" + view.id()).tagged(view.version());
                        }),
                Route.post(ONE + "/amendments").id("amendCommitment",
                                "Amend a commitment's total or end quarter, with a reason").tag(TAG)
                        .access(Access.PLAN).param(id()).body(AmendmentRequest.class, AmendCommitment.Command.class)
                        .idempotent().ifMatch().returns(one(201, CommitmentView.class))
                        .handle(call -> {
                            AmendmentRequest b = call.body(AmendmentRequest.class);
                            CommitmentView view = e.amendCommitment().amend(call.caller().actor(),
                                    new AmendCommitment.Command(call.path("id"), b.newTotal(), b.newEnd(), b.reason(),
                                            call.expectedVersion()));
                            return Reply.created(view, "/api/v1/commitments/" + view.id()).tagged(view.version());
                        }),
                Route.get(ONE + "/status").id("getCommitmentStatus",
                                "Where a commitment stands as of a quarter: spent, burn, runway").tag(TAG)
                        .access(Access.READ).param(id())
                        .param(Param.query("asOf", "a quarter such as 2026Q1; the current quarter when absent")
                                .pattern("^\\d{4}Q[1-4]$"))
                        .returns(one(200, CommitmentStatusView.class))
                        .handle(call -> {
                            String asOf = call.queryOrNull("asOf");
                            if (asOf != null && !asOf.matches("^\\d{4}Q[1-4]$")) {
                                throw HttpProblem.badRequest("asOf", "must be a quarter such as 2026Q3");
                            }
                            return Reply.ok(e.capexQueries().status(call.path("id"), asOf));
                        }));
    }

    private static Param id() {
        return Param.path("id", "commitment id");
    }
}
