package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.CapexAmendmentRecord;
import io.fleetplan.adapters.jooq.schema.tables.records.CapexCommitmentRecord;
import io.fleetplan.adapters.jooq.schema.tables.records.CapexSpendRecord;
import io.fleetplan.adapters.jooq.schema.tables.records.CapexTrancheRecord;
import io.fleetplan.application.port.out.CapexCommitments;
import io.fleetplan.domain.capex.Amendment;
import io.fleetplan.domain.capex.CapexCommitment;
import io.fleetplan.domain.capex.Spend;
import io.fleetplan.domain.capex.SpendCategory;
import io.fleetplan.domain.capex.Tranche;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.CommitmentId;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.RegionId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.fleetplan.adapters.jooq.schema.Tables.CAPEX_AMENDMENT;
import static io.fleetplan.adapters.jooq.schema.Tables.CAPEX_COMMITMENT;
import static io.fleetplan.adapters.jooq.schema.Tables.CAPEX_SPEND;
import static io.fleetplan.adapters.jooq.schema.Tables.CAPEX_TRANCHE;

/**
 * Capex commitments: the commitment row carries the version; tranches, spends and amendments are
 * child rows in the order the commitment keeps them, rewritten with it on every update.
 */
final class DbCommitments implements CapexCommitments {
    private final Transactions tx;
    private final Versioned<CapexCommitmentRecord> rows = new Versioned<>("commitment", CAPEX_COMMITMENT,
            CAPEX_COMMITMENT.VERSION);

    DbCommitments(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(CapexCommitment commitment) {
        DSLContext dsl = tx.dsl();
        rows.insert(dsl, row(commitment), key(commitment.id()), commitment.id());
        insertChildren(dsl, commitment);
    }

    @Override
    public Optional<CapexCommitment> find(CommitmentId id) {
        return load(key(id), false).stream().findFirst();
    }

    @Override
    public Optional<CapexCommitment> lock(CommitmentId id) {
        return load(key(id), true).stream().findFirst();
    }

    @Override
    public long update(CapexCommitment commitment) {
        DSLContext dsl = tx.dsl();
        long version = rows.update(dsl, row(commitment), key(commitment.id()), commitment.id(), commitment.version());
        String id = commitment.id().value();
        dsl.deleteFrom(CAPEX_TRANCHE).where(CAPEX_TRANCHE.COMMITMENT_ID.eq(id)).execute();
        dsl.deleteFrom(CAPEX_SPEND).where(CAPEX_SPEND.COMMITMENT_ID.eq(id)).execute();
        dsl.deleteFrom(CAPEX_AMENDMENT).where(CAPEX_AMENDMENT.COMMITMENT_ID.eq(id)).execute();
        insertChildren(dsl, commitment);
        return version;
    }

    @Override
    public List<CapexCommitment> all() {
        return load(DSL.noCondition(), false);
    }

    private static Condition key(CommitmentId id) {
        return CAPEX_COMMITMENT.ID.eq(id.value());
    }

    private List<CapexCommitment> load(Condition where, boolean lock) {
        DSLContext dsl = tx.dsl();
        List<CapexCommitmentRecord> found = lock ? tx.lock(CAPEX_COMMITMENT, where, CAPEX_COMMITMENT.ID)
                : dsl.selectFrom(CAPEX_COMMITMENT).where(where).orderBy(CAPEX_COMMITMENT.ID).fetch();
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> ids = found.stream().map(CapexCommitmentRecord::getId).toList();
        Map<String, List<CapexTrancheRecord>> tranches = children(dsl.selectFrom(CAPEX_TRANCHE)
                .where(CAPEX_TRANCHE.COMMITMENT_ID.in(ids)).orderBy(CAPEX_TRANCHE.POSITION).fetch(),
                CAPEX_TRANCHE.COMMITMENT_ID);
        Map<String, List<CapexSpendRecord>> spends = children(dsl.selectFrom(CAPEX_SPEND)
                .where(CAPEX_SPEND.COMMITMENT_ID.in(ids)).orderBy(CAPEX_SPEND.NUMBER).fetch(),
                CAPEX_SPEND.COMMITMENT_ID);
        Map<String, List<CapexAmendmentRecord>> amendments = children(dsl.selectFrom(CAPEX_AMENDMENT)
                .where(CAPEX_AMENDMENT.COMMITMENT_ID.in(ids)).orderBy(CAPEX_AMENDMENT.POSITION).fetch(),
                CAPEX_AMENDMENT.COMMITMENT_ID);
        List<CapexCommitment> out = new ArrayList<>();
        for (CapexCommitmentRecord r : found) {
            out.add(CapexCommitment.reconstitute(CommitmentId.of(r.getId()), r.getName(),
                    Values.money(r.getTotal(), r.getCurrency()), Values.quarter(r.getStartQuarter()),
                    Values.quarter(r.getEndQuarter()),
                    tranches.getOrDefault(r.getId(), List.of()).stream().map(DbCommitments::tranche).toList(),
                    spends.getOrDefault(r.getId(), List.of()).stream().map(DbCommitments::spend).toList(),
                    amendments.getOrDefault(r.getId(), List.of()).stream().map(DbCommitments::amendment).toList(),
                    r.getVersion()));
        }
        return out;
    }

    private static <R extends TableRecord<R>> Map<String, List<R>> children(List<R> rows, Field<String> parent) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.get(parent)));
    }

    private static CapexCommitmentRecord row(CapexCommitment c) {
        CapexCommitmentRecord row = new CapexCommitmentRecord();
        row.setId(c.id().value());
        row.setName(c.name());
        row.setTotal(c.total().amount());
        row.setCurrency(c.total().currency().getCurrencyCode());
        row.setStartQuarter(Values.quarter(c.start()));
        row.setEndQuarter(Values.quarter(c.end()));
        return row;
    }

    private static void insertChildren(DSLContext dsl, CapexCommitment c) {
        String id = c.id().value();
        List<TableRecord<?>> children = new ArrayList<>();
        int position = 0;
        for (Tranche t : c.tranches()) {
            CapexTrancheRecord r = new CapexTrancheRecord();
            r.setCommitmentId(id);
            r.setPosition(++position);
            r.setQuarter(Values.quarter(t.quarter()));
            r.setAmount(t.amount().amount());
            r.setCurrency(t.amount().currency().getCurrencyCode());
            r.setRegionId(t.region().map(RegionId::value).orElse(null));
            children.add(r);
        }
        for (Spend s : c.spends()) {
            CapexSpendRecord r = new CapexSpendRecord();
            r.setCommitmentId(id);
            r.setNumber(s.number());
            r.setQuarter(Values.quarter(s.quarter()));
            r.setAmount(s.amount().amount());
            r.setCurrency(s.amount().currency().getCurrencyCode());
            r.setCategory(s.category().name());
            r.setBatchId(s.batch().map(BatchId::value).orElse(null));
            r.setNote(s.note());
            r.setRecordedAt(Values.column(s.recordedAt()));
            children.add(r);
        }
        position = 0;
        for (Amendment a : c.amendments()) {
            CapexAmendmentRecord r = new CapexAmendmentRecord();
            r.setCommitmentId(id);
            r.setPosition(++position);
            r.setPreviousTotal(a.previousTotal().amount());
            r.setNewTotal(a.newTotal().amount());
            r.setCurrency(a.newTotal().currency().getCurrencyCode());
            r.setPreviousEnd(Values.quarter(a.previousEnd()));
            r.setNewEnd(Values.quarter(a.newEnd()));
            r.setReason(a.reason());
            r.setAmendedAt(Values.column(a.at()));
            children.add(r);
        }
        if (!children.isEmpty()) {
            dsl.batchInsert(children).execute();
        }
    }

    private static Tranche tranche(CapexTrancheRecord r) {
        return new Tranche(Values.quarter(r.getQuarter()), Values.money(r.getAmount(), r.getCurrency()),
                Optional.ofNullable(r.getRegionId()).map(RegionId::of));
    }

    private static Spend spend(CapexSpendRecord r) {
        return new Spend(r.getNumber(), Values.quarter(r.getQuarter()), Values.money(r.getAmount(), r.getCurrency()),
                SpendCategory.valueOf(r.getCategory()), Optional.ofNullable(r.getBatchId()).map(BatchId::of),
                r.getNote(), Values.instant(r.getRecordedAt()));
    }

    private static Amendment amendment(CapexAmendmentRecord r) {
        Money previous = Values.money(r.getPreviousTotal(), r.getCurrency());
        return new Amendment(previous, Values.money(r.getNewTotal(), r.getCurrency()),
                Values.quarter(r.getPreviousEnd()), Values.quarter(r.getNewEnd()), r.getReason(),
                Values.instant(r.getAmendedAt()));
    }
}
