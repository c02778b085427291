package io.fleetplan.application.port.in.capex;

import io.fleetplan.domain.shared.Money;

import java.time.Instant;
import java.util.List;

/** A capex commitment with its tranches, spend and amendments. */
public record CommitmentView(String id, String name, Money total, String start, String end, Money spent,
                             Money remaining, Money planned, List<TrancheView> tranches, List<SpendView> spends,
                             List<AmendmentView> amendments, long version) {
    public CommitmentView {
        tranches = List.copyOf(tranches);
        spends = List.copyOf(spends);
        amendments = List.copyOf(amendments);
    }

    public record TrancheView(String quarter, Money amount, String region) {
    }

    public record SpendView(long number, String quarter, Money amount, String category, String batch, String note,
                            Instant recordedAt) {
    }

    public record AmendmentView(Money previousTotal, Money newTotal, String previousEnd, String newEnd, String reason,
                                Instant at) {
    }
}
