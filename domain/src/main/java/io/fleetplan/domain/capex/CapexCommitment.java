package io.fleetplan.domain.capex;

import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.CommitmentId;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.Require;
import io.fleetplan.domain.shared.RuleViolationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A capital programme: a total over a span of quarters (such as 52 billion USD over three years),
 * the tranches planned, the money actually spent and the amendments that changed it. Spend never
 * exceeds the total: to spend beyond it, amend it first, with a reason.
 */
public final class CapexCommitment extends AggregateRoot {
    private final CommitmentId id;
    private final String name;
    private Money total;
    private final Quarter start;
    private Quarter end;
    private final List<Tranche> tranches;
    private final List<Spend> spends;
    private final List<Amendment> amendments;

    private CapexCommitment(CommitmentId id, String name, Money total, Quarter start, Quarter end,
                            List<Tranche> tranches, List<Spend> spends, List<Amendment> amendments, long version) {
        super(version);
        this.id = Require.present(id, "commitmentId");
        this.name = Require.text(name, "name", 200);
        this.total = Require.present(total, "total");
        if (!total.isPositive()) {
            throw new InvalidValueException("total", "a commitment's total must be positive");
        }
        this.start = Require.present(start, "start");
        this.end = Require.present(end, "end");
        if (end.isBefore(start)) {
            throw new InvalidValueException("end", "the end quarter " + end + " is before the start " + start);
        }
        this.tranches = new ArrayList<>(Require.present(tranches, "tranches"));
        this.spends = new ArrayList<>(Require.present(spends, "spends"));
        this.amendments = new ArrayList<>(Require.present(amendments, "amendments"));
    }

    public static CapexCommitment create(CommitmentId id, String name, Money total, Quarter start, Quarter end) {
        CapexCommitment c = new CapexCommitment(id, name, total, start, end, List.of(), List.of(), List.of(), 0);
        c.record(DomainEvent.of(EventType.COMMITMENT_CREATED, id, "", "name", name, "total", total, "start", start,
                "end", end));
        return c;
    }

    public static CapexCommitment reconstitute(CommitmentId id, String name, Money total, Quarter start, Quarter end,
                                               List<Tranche> tranches, List<Spend> spends,
                                               List<Amendment> amendments, long version) {
        return new CapexCommitment(id, name, total, start, end, tranches, spends, amendments, version);
    }

    /** Plans money for a quarter. The tranches together may not exceed the total. */
    public Tranche addTranche(Quarter quarter, Money amount, Optional<RegionId> region) {
        Tranche tranche = new Tranche(quarter, amount, region);
        sameCurrency(amount);
        within(quarter);
        Money planned = planned().plus(amount);
        if (planned.isGreaterThan(total)) {
            throw new RuleViolationException("tranches-exceed-commitment", "tranches of " + planned + " would exceed "
                    + "the commitment's total of " + total);
        }
        tranches.add(tranche);
        record(DomainEvent.of(EventType.TRANCHE_ADDED, id, "", "quarter", quarter, "amount", amount, "region",
                region.map(RegionId::value).orElse("")));
        return tranche;
    }

    /** Records capital paid out. Refused when it would take spend above the total. */
    public Spend recordSpend(Quarter quarter, Money amount, SpendCategory category, Optional<BatchId> batch,
                             String note, Instant at) {
        Spend spend = new Spend(spends.size() + 1L, quarter, amount, category, batch, note, at);
        sameCurrency(amount);
        within(quarter);
        Money after = spent().plus(amount);
        if (after.isGreaterThan(total)) {
            throw new RuleViolationException("commitment-exceeded", "spending " + amount + " would bring " + id
                    + " to " + after + ", above its total of " + total + "; amend the commitment first");
        }
        spends.add(spend);
        record(DomainEvent.of(EventType.SPEND_RECORDED, id, note, "quarter", quarter, "amount", amount, "category",
                category, "batch", batch.map(BatchId::value).orElse("")));
        return spend;
    }

    /** Changes the total and/or the end quarter, keeping the reason. The total may not drop below what is spent. */
    public Amendment amend(Money newTotal, Quarter newEnd, String reason, Instant at) {
        Require.present(newTotal, "newTotal");
        Require.present(newEnd, "newEnd");
        sameCurrency(newTotal);
        if (!newTotal.isPositive()) {
            throw new InvalidValueException("newTotal", "a commitment's total must be positive");
        }
        if (newEnd.isBefore(start)) {
            throw new InvalidValueException("newEnd", "the end quarter " + newEnd + " is before the start " + start);
        }
        if (spent().isGreaterThan(newTotal)) {
            throw new RuleViolationException("amendment-below-spend", "the total cannot drop to " + newTotal + ": "
                    + spent() + " is already spent");
        }
        if (planned().isGreaterThan(newTotal)) {
            throw new RuleViolationException("amendment-below-tranches", "the total cannot drop to " + newTotal
                    + ": tranches of " + planned() + " are planned");
        }
        if (spends.stream().anyMatch(s -> s.quarter().isAfter(newEnd))
                || tranches.stream().anyMatch(t -> t.quarter().isAfter(newEnd))) {
            throw new RuleViolationException("amendment-cuts-recorded-quarters", "the end cannot move to " + newEnd
                    + ": spend or tranches are recorded after it");
        }
        Amendment amendment = new Amendment(total, newTotal, end, newEnd, reason, at);
        total = newTotal;
        end = newEnd;
        amendments.add(amendment);
        record(DomainEvent.of(EventType.COMMITMENT_AMENDED, id, reason, "previousTotal", amendment.previousTotal(),
                "newTotal", newTotal, "previousEnd", amendment.previousEnd(), "newEnd", newEnd));
        return amendment;
    }

    private void sameCurrency(Money amount) {
        if (!amount.currency().equals(currency())) {
            throw new RuleViolationException("currency-mismatch", "commitment " + id + " is in "
                    + currency().getCurrencyCode() + ", not " + amount.currency().getCurrencyCode());
        }
    }

    private void within(Quarter quarter) {
        if (quarter.isBefore(start) || quarter.isAfter(end)) {
            throw new RuleViolationException("quarter-outside-commitment", "quarter " + quarter + " is outside "
                    + id + " (" + start + " to " + end + ")");
        }
    }

    // ---------------------------------------------------------------- figures

    public Money spent() {
        return sum(spends.stream().map(Spend::amount).toList());
    }

    public Money planned() {
        return sum(tranches.stream().map(Tranche::amount).toList());
    }

    public Money remaining() {
        return total.minus(spent());
    }

    private Money sum(List<Money> amounts) {
        Money sum = Money.zero(currency());
        for (Money m : amounts) {
            sum = sum.plus(m);
        }
        return sum;
    }

    /**
     * The commitment's figures as of {@code asOf}, the last quarter counted as elapsed: spend after it
     * is not counted, and the run rate is spread over the commitment's quarters after it.
     */
    public CommitmentStatus status(Quarter asOf) {
        Require.present(asOf, "asOf");
        Money zero = Money.zero(currency());
        Money spent = zero;
        Money trailing = zero;
        Map<Quarter, Money> byQuarter = new TreeMap<>();
        Map<SpendCategory, Money> byCategory = new EnumMap<>(SpendCategory.class);
        for (Spend s : spends) {
            if (s.quarter().isAfter(asOf)) {
                continue;
            }
            spent = spent.plus(s.amount());
            byQuarter.merge(s.quarter(), s.amount(), Money::plus);
            byCategory.merge(s.category(), s.amount(), Money::plus);
            if (!s.quarter().isBefore(asOf.minus(3))) {
                trailing = trailing.plus(s.amount());
            }
        }
        Money remaining = total.minus(spent);
        BigDecimal percent = spent.amount().multiply(BigDecimal.valueOf(100))
                .divide(total.amount(), 1, RoundingMode.HALF_UP);
        Map<Quarter, Money> plannedByQuarter = new TreeMap<>();
        for (Tranche t : tranches) {
            plannedByQuarter.merge(t.quarter(), t.amount(), Money::plus);
        }
        Quarter firstLeft = asOf.next().isBefore(start) ? start : asOf.next();
        int quartersLeft = Math.max(0, firstLeft.quartersUntil(end) + 1);
        Money runRate = quartersLeft == 0 ? remaining.max(zero)
                : remaining.max(zero).times(4).dividedBy(quartersLeft);
        Optional<Quarter> exhaustion = Optional.empty();
        if (trailing.isPositive()) {
            Money perQuarter = trailing.dividedBy(4);
            if (!remaining.isPositive()) {
                exhaustion = Optional.of(asOf);
            } else if (perQuarter.isPositive()) {
                BigDecimal quarters = remaining.amount().divide(perQuarter.amount(), 0, RoundingMode.CEILING);
                exhaustion = Optional.of(asOf.plus(quarters.min(BigDecimal.valueOf(4000)).intValueExact()));
            }
        }
        boolean afterEnd = exhaustion.map(q -> q.isAfter(end)).orElse(remaining.isPositive());
        return new CommitmentStatus(asOf, total, spent, remaining, percent, trailing, runRate, exhaustion, afterEnd,
                planned(), byQuarter, byCategory, plannedByQuarter, amendments);
    }

    public Currency currency() {
        return total.currency();
    }

    public CommitmentId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Money total() {
        return total;
    }

    public Quarter start() {
        return start;
    }

    public Quarter end() {
        return end;
    }

    public List<Tranche> tranches() {
        return List.copyOf(tranches);
    }

    public List<Spend> spends() {
        return List.copyOf(spends);
    }

    public List<Amendment> amendments() {
        return List.copyOf(amendments);
    }
}
