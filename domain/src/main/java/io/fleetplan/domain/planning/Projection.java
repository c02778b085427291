package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The projection itself, on primitive arrays indexed by lane, site, pool, region and quarter so that
 * it runs in time linear in lanes x quarters. A lane is one SKU at one data centre; lanes are
 * ordered by (data centre id, SKU id), pools and regions by id. See the package documentation for
 * the rules.
 */
final class Projection {
    private static final BindingConstraint[] CONSTRAINTS = BindingConstraint.values();
    private static final int NONE = BindingConstraint.NONE.ordinal();
    private static final BigDecimal WEEKS_PER_QUARTER = BigDecimal.valueOf(13);

    /** A plan and what the solver needs to bound its searches. */
    record Outcome(CapacityPlan plan, long capexUpperBoundMinor, BigDecimal throughputUpperBound,
                   long powerUpperBoundKilowatts) {
    }

    /** What the projection derives from demand alone, shared by every variant of a scenario. */
    private record Demand(long[][] poolInternal, long[][] poolExternal, long[][] laneDemand, long[][] laneServers,
                          long[] laneMostServers, Wishes wishes) {
    }

    /**
     * The wishes to buy servers, in the order they are made, (quarter, lane): what a lane wants
     * depends on demand, what is on site and the pipeline, never on capital, so every variant
     * funds the same wishes.
     *
     * @param lane     the lane of each wish
     * @param servers  the servers of each wish (positive)
     * @param end      for each quarter, the index after its last wish
     * @param costBy   for each quarter, the cost of every wish made by then, in minor units
     * @param lastWish for each quarter and lane, the index of the lane's latest wish made by then (-1: none)
     */
    private record Wishes(int[] lane, long[] servers, int[] end, long[] costBy, int[][] lastWish) {
    }

    private Demand demand;

    private final Baseline baseline;
    private final Scenario scenario;
    private final int horizon;
    private final int lead;
    private final int extent;
    private final Currency currency;
    private final int digits;
    private final Money zeroMoney;

    private final List<Baseline.Site> sites;
    private final int siteCount;
    private final int[] siteLaneStart;
    private final int[] siteLaneCount;
    private final int[] siteRegion;

    private final int laneCount;
    private final int[] laneSite;
    private final int[] lanePool;
    private final int[] laneRank;
    private final long[] laneGpus;
    private final long[] laneWatts;
    private final long[] laneCost;
    private final long[] laneInService0;
    private final long[] laneInventory0;
    private final long[][] lanePipeline;

    private final List<PoolId> pools;
    private final int[][] poolLanes;
    private final int[] poolRegion;
    private final List<RegionId> regions;

    private Projection(Baseline baseline, Scenario scenario) {
        this.baseline = baseline;
        this.scenario = scenario;
        this.horizon = scenario.horizonQuarters();
        this.lead = scenario.leadTimeQuarters();
        this.extent = horizon + lead;
        this.currency = baseline.capital().commitment().currency();
        this.digits = Math.max(0, currency.getDefaultFractionDigits());
        this.zeroMoney = Money.zero(currency);

        this.sites = new ArrayList<>(baseline.dataCenters());
        sites.sort(Comparator.comparing(Baseline.Site::id));
        this.siteCount = sites.size();
        this.siteLaneStart = new int[siteCount];
        this.siteLaneCount = new int[siteCount];
        this.siteRegion = new int[siteCount];

        TreeSet<PoolId> poolSet = new TreeSet<>();
        baseline.demand().forEach(level -> poolSet.add(level.pool()));
        int lanes = 0;
        for (Baseline.Site site : sites) {
            for (Baseline.Stock stock : site.skus()) {
                poolSet.add(site.poolOf(stock));
                lanes++;
            }
        }
        validateAgainstBaseline(poolSet);
        this.pools = List.copyOf(poolSet);
        Map<PoolId, Integer> poolIndex = new HashMap<>();
        for (int p = 0; p < pools.size(); p++) {
            poolIndex.put(pools.get(p), p);
        }
        TreeSet<RegionId> regionSet = new TreeSet<>();
        pools.forEach(pool -> regionSet.add(pool.region()));
        sites.forEach(site -> regionSet.add(site.region()));
        this.regions = List.copyOf(regionSet);
        Map<RegionId, Integer> regionIndex = new HashMap<>();
        for (int r = 0; r < regions.size(); r++) {
            regionIndex.put(regions.get(r), r);
        }
        this.poolRegion = new int[pools.size()];
        for (int p = 0; p < pools.size(); p++) {
            poolRegion[p] = regionIndex.get(pools.get(p).region());
        }

        laneCount = lanes;
        laneSite = new int[lanes];
        lanePool = new int[lanes];
        laneRank = new int[lanes];
        laneGpus = new long[lanes];
        laneWatts = new long[lanes];
        laneCost = new long[lanes];
        laneInService0 = new long[lanes];
        laneInventory0 = new long[lanes];
        lanePipeline = new long[lanes][];
        int[] poolSizes = new int[pools.size()];
        int l = 0;
        Quarter start = scenario.start();
        for (int s = 0; s < siteCount; s++) {
            Baseline.Site site = sites.get(s);
            siteRegion[s] = regionIndex.get(site.region());
            siteLaneStart[s] = l;
            List<Baseline.Stock> stocks = new ArrayList<>(site.skus());
            stocks.sort(Comparator.comparing(Baseline.Stock::sku));
            siteLaneCount[s] = stocks.size();
            for (int rank = 0; rank < stocks.size(); rank++, l++) {
                Baseline.Stock stock = stocks.get(rank);
                laneSite[l] = s;
                lanePool[l] = poolIndex.get(site.poolOf(stock));
                poolSizes[lanePool[l]]++;
                laneRank[l] = rank;
                laneGpus[l] = stock.acceleratorsPerServer();
                laneWatts[l] = stock.powerPerServer().watts();
                laneCost[l] = minor(stock.unitCost());
                laneInService0[l] = stock.inService();
                laneInventory0[l] = stock.inventory();
                for (Baseline.Delivery delivery : stock.pipeline()) {
                    int at = Math.max(0, start.quartersUntil(delivery.due()));
                    if (at < extent) {
                        if (lanePipeline[l] == null) {
                            lanePipeline[l] = new long[extent];
                        }
                        lanePipeline[l][at] = Math.addExact(lanePipeline[l][at], delivery.servers());
                    }
                }
            }
        }
        this.poolLanes = new int[pools.size()][];
        for (int p = 0; p < pools.size(); p++) {
            poolLanes[p] = new int[poolSizes[p]];
            poolSizes[p] = 0;
        }
        for (int lane = 0; lane < laneCount; lane++) {
            int p = lanePool[lane];
            poolLanes[p][poolSizes[p]++] = lane;
        }
    }

    /** A variant of {@code template} whose scenario differs only in capex, throughput and power changes. */
    private Projection(Projection template, Scenario variant) {
        this.baseline = template.baseline;
        this.scenario = variant;
        this.horizon = template.horizon;
        this.lead = template.lead;
        this.extent = template.extent;
        this.currency = template.currency;
        this.digits = template.digits;
        this.zeroMoney = template.zeroMoney;
        this.sites = template.sites;
        this.siteCount = template.siteCount;
        this.siteLaneStart = template.siteLaneStart;
        this.siteLaneCount = template.siteLaneCount;
        this.siteRegion = template.siteRegion;
        this.laneCount = template.laneCount;
        this.laneSite = template.laneSite;
        this.lanePool = template.lanePool;
        this.laneRank = template.laneRank;
        this.laneGpus = template.laneGpus;
        this.laneWatts = template.laneWatts;
        this.laneCost = template.laneCost;
        this.laneInService0 = template.laneInService0;
        this.laneInventory0 = template.laneInventory0;
        this.lanePipeline = template.lanePipeline;
        this.pools = template.pools;
        this.poolLanes = template.poolLanes;
        this.poolRegion = template.poolRegion;
        this.regions = template.regions;
        this.demand = template.demand();
        validateAgainstBaseline(new TreeSet<>(pools));
    }

    /** Prepares a scenario's projection, so that its variants can reuse the demand side. */
    static Projection prepare(Baseline baseline, Scenario scenario) {
        if (baseline == null) {
            throw new InvalidValueException("baseline", "baseline is required");
        }
        if (scenario == null) {
            throw new InvalidValueException("scenario", "scenario is required");
        }
        return new Projection(baseline, scenario);
    }

    /** The full plan with the solver's bounds. */
    Outcome outcome() {
        return project(true, horizon).outcome;
    }

    /**
     * Whether {@code variant}, a scenario that differs from this one only in capex, throughput and
     * power changes, has no fleet backlog from quarter index {@code from} on. No plan is assembled,
     * and the projection stops at the first quarter that decides it.
     */
    boolean clearsFrom(Scenario variant, int from) {
        if (variant.horizonQuarters() != horizon || variant.leadTimeQuarters() != lead
                || !variant.pools().equals(scenario.pools()) || !variant.growth().equals(scenario.growth())) {
            throw new IllegalArgumentException("a variant may change capex, throughput and power only");
        }
        return new Projection(this, variant).project(false, from).clear;
    }

    static Outcome run(Baseline baseline, Scenario scenario) {
        if (baseline == null) {
            throw new InvalidValueException("baseline", "baseline is required");
        }
        if (scenario == null) {
            throw new InvalidValueException("scenario", "scenario is required");
        }
        return prepare(baseline, scenario).outcome();
    }

    private void validateAgainstBaseline(TreeSet<PoolId> knownPools) {
        if (scenario.start().isBefore(baseline.start())) {
            throw new InvalidValueException("start", "scenario '" + scenario.name() + "' starts in " + scenario.start()
                    + ", before the live state's quarter " + baseline.start() + ": a plan cannot start in the past");
        }
        java.util.Set<DataCenterId> known = new java.util.HashSet<>();
        sites.forEach(site -> known.add(site.id()));
        for (Scenario.ThroughputChange change : scenario.throughputChanges()) {
            if (!known.contains(change.dataCenter())) {
                throw new InvalidValueException("throughputChanges", "throughput change for unknown data centre "
                        + change.dataCenter());
            }
        }
        for (Scenario.PowerAddition addition : scenario.powerAdditions()) {
            if (!known.contains(addition.dataCenter())) {
                throw new InvalidValueException("powerAdditions", "power addition for unknown data centre "
                        + addition.dataCenter());
            }
        }
        for (Scenario.CapexChange change : scenario.capexChanges()) {
            if (!change.amount().currency().equals(currency)) {
                throw new InvalidValueException("capexChanges", "capex change in "
                        + change.amount().currency().getCurrencyCode() + " but the commitment is in "
                        + currency.getCurrencyCode());
            }
        }
        for (Scenario.PoolDemand pool : scenario.pools()) {
            if (!knownPools.contains(pool.pool())) {
                throw new InvalidValueException("pools", "demand path for pool " + pool.pool()
                        + ", which has neither current demand nor a site hosting it");
            }
        }
    }

    private long minor(Money money) {
        return money.amount().movePointRight(digits).longValueExact();
    }

    private Money money(long minor) {
        return minor == 0 ? zeroMoney : new Money(BigDecimal.valueOf(minor, digits), currency);
    }

    // ---------------------------------------------------------------- demand

    private long[][][] poolDemand() {
        int poolCount = pools.size();
        long[][] internal = new long[poolCount][extent];
        long[][] external = new long[poolCount][extent];
        Map<PoolId, Baseline.PoolLevel> levels = new HashMap<>();
        baseline.demand().forEach(level -> levels.put(level.pool(), level));
        Map<PoolId, Scenario.PoolDemand> paths = new HashMap<>();
        scenario.pools().forEach(path -> paths.put(path.pool(), path));
        Map<YoyGrowth, BigDecimal[]> factors = new HashMap<>();
        Scenario.DemandPath fallback = new Scenario.DemandPath.Growth(scenario.growth());
        // growth runs from the baseline's quarter, so a later start sees the demand grown by then
        int carried = baseline.start().quartersUntil(scenario.start());
        for (int p = 0; p < poolCount; p++) {
            PoolId pool = pools.get(p);
            Baseline.PoolLevel level = levels.get(pool);
            Scenario.PoolDemand path = paths.get(pool);
            fill(internal[p], level == null ? 0 : level.internal(), path == null ? fallback : path.internal(), carried,
                    factors);
            fill(external[p], level == null ? 0 : level.external(), path == null ? fallback : path.external(), carried,
                    factors);
        }
        return new long[][][] {internal, external};
    }

    private void fill(long[] out, long current, Scenario.DemandPath path, int carried,
                      Map<YoyGrowth, BigDecimal[]> cache) {
        if (path instanceof Scenario.DemandPath.Series series) {
            List<Long> gpus = series.gpus();
            for (int k = 0; k < out.length; k++) {
                out[k] = gpus.get(Math.min(k, gpus.size() - 1));
            }
        } else if (path instanceof Scenario.DemandPath.Growth growth) {
            BigDecimal[] factor = cache.computeIfAbsent(growth.yoy(), yoy -> yoy.factors(carried + extent));
            for (int k = 0; k < out.length; k++) {
                out[k] = YoyGrowth.project(current, factor[carried + k]);
            }
        }
    }

    /**
     * Places each pool's demand on its lanes for every quarter up to horizon + lead time: the
     * growth above the pool's current capacity in proportion to the lanes' weights, on top of the
     * capacity each lane has; demand below the current capacity in proportion to that capacity.
     */
    private long[][] laneDemand(long[][] internal, long[][] external) {
        long[][] out = new long[extent][laneCount];
        long[] weights = new long[laneCount];
        long[] cap0 = new long[laneCount];
        long[] part = new long[laneCount];
        for (int p = 0; p < pools.size(); p++) {
            int[] lanes = poolLanes[p];
            int n = lanes.length;
            if (n == 0) {
                continue;
            }
            long capacity0 = 0;
            for (int i = 0; i < n; i++) {
                int l = lanes[i];
                int s = laneSite[l];
                weights[i] = Apportion.evenShare(sites.get(s).serversPerWeek(), siteLaneCount[s], laneRank[l]);
                cap0[i] = Math.multiplyExact(laneInService0[l], laneGpus[l]);
                capacity0 += cap0[i];
            }
            for (int k = 0; k < extent; k++) {
                long demand = internal[p][k] + external[p][k];
                if (demand >= capacity0) {
                    Apportion.split(demand - capacity0, weights, n, part);
                    for (int i = 0; i < n; i++) {
                        out[k][lanes[i]] = cap0[i] + part[i];
                    }
                } else {
                    Apportion.split(demand, cap0, n, part);
                    for (int i = 0; i < n; i++) {
                        out[k][lanes[i]] = part[i];
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- resources

    /** Servers each site can deploy in each quarter: floor(servers a week x 13), after the scenario's changes. */
    private long[][] throughput() {
        long[][] out = new long[siteCount][horizon];
        Map<DataCenterId, List<Scenario.ThroughputChange>> changes = new HashMap<>();
        for (Scenario.ThroughputChange change : scenario.throughputChanges()) {
            changes.computeIfAbsent(change.dataCenter(), k -> new ArrayList<>()).add(change);
        }
        for (int s = 0; s < siteCount; s++) {
            Baseline.Site site = sites.get(s);
            List<Scenario.ThroughputChange> list = changes.get(site.id());
            if (list == null) {
                java.util.Arrays.fill(out[s], Math.multiplyExact(site.serversPerWeek(), 13L));
                continue;
            }
            List<Scenario.ThroughputChange> ordered = new ArrayList<>(list);
            ordered.sort(Comparator.comparing(Scenario.ThroughputChange::effective));
            BigDecimal rate = BigDecimal.valueOf(site.serversPerWeek());
            int next = 0;
            Quarter q = scenario.start();
            for (int t = 0; t < horizon; t++, q = q.next()) {
                while (next < ordered.size() && !ordered.get(next).effective().isAfter(q)) {
                    Scenario.ThroughputChange change = ordered.get(next++);
                    rate = change.kind() == Scenario.ThroughputChange.Kind.SET ? change.value()
                            : rate.multiply(change.value());
                }
                out[s][t] = rate.multiply(WEEKS_PER_QUARTER).setScale(0, RoundingMode.FLOOR).longValueExact();
            }
        }
        return out;
    }

    /** Each site's power capacity in watts in each quarter, with the scenario's additions. */
    private long[][] powerCapacity() {
        long[][] out = new long[siteCount][horizon];
        Map<DataCenterId, Integer> index = new HashMap<>();
        for (int s = 0; s < siteCount; s++) {
            index.put(sites.get(s).id(), s);
            java.util.Arrays.fill(out[s], sites.get(s).powerCapacity().watts());
        }
        for (Scenario.PowerAddition addition : scenario.powerAdditions()) {
            int s = index.get(addition.dataCenter());
            int from = Math.max(0, scenario.start().quartersUntil(addition.effective()));
            for (int t = from; t < horizon; t++) {
                out[s][t] = Math.addExact(out[s][t], addition.power().watts());
            }
        }
        return out;
    }

    /**
     * Money the plan may have spent on servers by the end of each quarter, in minor units: the
     * commitment in force less what was spent before the start; with a tranche schedule, no more
     * than the tranches released by then plus any raise of the commitment.
     */
    private long[] capital() {
        long[] out = new long[horizon];
        Baseline.Capital capital = baseline.capital();
        long baseTotal = minor(capital.commitment());
        long spent = minor(capital.spent());
        List<Scenario.CapexChange> changes = new ArrayList<>(scenario.capexChanges());
        changes.sort(Comparator.comparing(Scenario.CapexChange::effective));
        List<Baseline.Tranche> tranches = new ArrayList<>(capital.tranches());
        tranches.sort(Comparator.comparing(Baseline.Tranche::quarter));
        long total = baseTotal;
        long additions = 0;
        long released = 0;
        int nextChange = 0;
        int nextTranche = 0;
        Quarter q = scenario.start();
        for (int t = 0; t < horizon; t++, q = q.next()) {
            while (nextChange < changes.size() && !changes.get(nextChange).effective().isAfter(q)) {
                Scenario.CapexChange change = changes.get(nextChange++);
                if (change.kind() == Scenario.CapexChange.Kind.NEW_TOTAL) {
                    total = minor(change.amount());
                } else {
                    additions = Math.addExact(additions, minor(change.amount()));
                }
            }
            while (nextTranche < tranches.size() && !tranches.get(nextTranche).quarter().isAfter(q)) {
                released = Math.addExact(released, minor(tranches.get(nextTranche++).amount()));
            }
            long commitment = total + additions;
            long allowed = tranches.isEmpty() ? commitment : Math.min(commitment, released + commitment - baseTotal);
            out[t] = allowed - spent;
        }
        return out;
    }

    // ---------------------------------------------------------------- the quarters

    private Demand demand() {
        if (demand == null) {
            long[][][] both = poolDemand();
            long[][] laneDemand = laneDemand(both[0], both[1]);
            long[][] laneServers = new long[extent][laneCount];
            long[] laneMostServers = new long[laneCount];
            for (int k = 0; k < extent; k++) {
                for (int l = 0; l < laneCount; l++) {
                    laneServers[k][l] = ceilDiv(laneDemand[k][l], laneGpus[l]);
                    if (k < horizon) {
                        laneMostServers[l] = Math.max(laneMostServers[l], laneServers[k][l]);
                    }
                }
            }
            demand = new Demand(both[0], both[1], laneDemand, laneServers, laneMostServers, wishes(laneServers));
        }
        return demand;
    }

    /** Each quarter, what each lane wants bought to meet demand a lead time out, beyond what it wanted before. */
    private Wishes wishes(long[][] laneServers) {
        int n = laneCount;
        long[] onSite0 = new long[n];
        long[] pipelineThrough = new long[n];
        for (int l = 0; l < n; l++) {
            onSite0[l] = laneInService0[l] + laneInventory0[l];
            if (lanePipeline[l] != null) {
                for (int k = 0; k < lead && k < extent; k++) {
                    pipelineThrough[l] += lanePipeline[l][k];
                }
            }
        }
        long[] wanted = new long[n];
        int[] last = new int[n];
        java.util.Arrays.fill(last, -1);
        // a lane makes at most one wish a quarter
        int[] lanes = new int[(int) Math.max(64, Math.min(1 << 20, (long) n * horizon))];
        long[] servers = new long[lanes.length];
        int count = 0;
        int[] end = new int[horizon];
        long[] costBy = new long[horizon];
        int[][] lastWish = new int[horizon][];
        long cost = 0;
        for (int t = 0; t < horizon; t++) {
            int target = t + lead;
            for (int l = 0; l < n; l++) {
                if (lanePipeline[l] != null) {
                    pipelineThrough[l] += lanePipeline[l][target];
                }
                long want = laneServers[target][l] - onSite0[l] - pipelineThrough[l];
                if (want > wanted[l]) {
                    if (count == lanes.length) {
                        lanes = java.util.Arrays.copyOf(lanes, count * 2);
                        servers = java.util.Arrays.copyOf(servers, count * 2);
                    }
                    lanes[count] = l;
                    servers[count] = want - wanted[l];
                    last[l] = count++;
                    cost = Math.addExact(cost, Math.multiplyExact(want - wanted[l], laneCost[l]));
                    wanted[l] = want;
                }
            }
            end[t] = count;
            costBy[t] = cost;
            lastWish[t] = last.clone();
        }
        return new Wishes(lanes, servers, end, costBy, lastWish);
    }

    /** A full plan ({@code clear} not computed), or only whether the fleet is clear from a quarter on. */
    private record Result(Outcome outcome, boolean clear) {
    }

    private Result project(boolean full, int clearFrom) {
        Demand shared = demand();
        long[][] poolInternal = shared.poolInternal();
        long[][] poolExternal = shared.poolExternal();
        long[][] laneDemand = shared.laneDemand();
        long[][] laneServers = shared.laneServers();
        long[] laneMostServers = shared.laneMostServers();
        long[][] siteThroughput = throughput();
        long[][] sitePower = powerCapacity();
        long[] capital = capital();
        long[] siteInUse = new long[siteCount];
        for (int s = 0; s < siteCount; s++) {
            siteInUse[s] = sites.get(s).powerInUse().watts();
        }

        Wishes wishes = shared.wishes();
        int[] wishLane = wishes.lane();
        long[] wishServers = wishes.servers();
        int n = laneCount;
        long[][] purchased = new long[horizon][n];
        // the first wish not funded in full at the end of each quarter: a lane is short of capital
        // then when its latest wish is at or after it
        int[] unfundedFrom = new int[horizon];
        int head = 0;
        long headFunded = 0;
        long[] inService = laneInService0.clone();
        long[] inventory = laneInventory0.clone();
        long[] deployedSoFar = new long[n];
        long spent = 0;
        long capexUpper = 0;

        // per-quarter lane results
        long[] arriving = new long[n];
        long[] deployed = new long[n];
        long[] shortfall = new long[n];
        int[] binding = new int[n];
        long[] shareLeft = new long[n];
        long[] internalPart = new long[n];

        Aggregates agg = full ? new Aggregates() : null;
        List<QuarterPlan> quarters = new ArrayList<>(horizon);
        long[] poolCapacity = new long[pools.size()];
        int widest = 0;
        for (int[] lanes : poolLanes) {
            widest = Math.max(widest, lanes.length);
        }
        long[] weightBuffer = new long[widest];
        long[] partBuffer = new long[widest];
        Quarter q = scenario.start();
        for (int t = 0; t < horizon; t++, q = q.next()) {
            capexUpper = Math.max(capexUpper, wishes.costBy()[t] - capital[t]);
            // capital funds the wishes made so far first come, first served
            long available = capital[t] - spent;
            for (int made = wishes.end()[t]; head < made; head++, headFunded = 0) {
                int l = wishLane[head];
                long left = wishServers[head] - headFunded;
                long affordable = available > 0 ? available / laneCost[l] : 0;
                long take = Math.min(left, affordable);
                if (take > 0) {
                    purchased[t][l] += take;
                    long cost = Math.multiplyExact(take, laneCost[l]);
                    available -= cost;
                    spent += cost;
                }
                if (take < left) {
                    headFunded += take;
                    break;
                }
            }
            unfundedFrom[t] = head;
            // deployment, site by site
            for (int s = 0; s < siteCount; s++) {
                int lanes = siteLaneCount[s];
                if (lanes == 0) {
                    continue;
                }
                long quarterThroughput = siteThroughput[s][t];
                long throughputEach = quarterThroughput / lanes;
                long throughputRest = quarterThroughput % lanes;
                long headroom = Math.max(0, sitePower[s][t] - siteInUse[s]);
                long headroomEach = headroom / lanes;
                long headroomRest = headroom % lanes;
                for (int l = siteLaneStart[s]; l < siteLaneStart[s] + lanes; l++) {
                    long throughput = throughputEach + (laneRank[l] < throughputRest ? 1 : 0);
                    long share = headroomEach + (laneRank[l] < headroomRest ? 1 : 0);
                    long in = (lanePipeline[l] == null ? 0 : lanePipeline[l][t]) + (t >= lead ? purchased[t - lead][l] : 0);
                    long ready = inventory[l] + in;
                    long power = Math.max(0, share / laneWatts[l] - deployedSoFar[l]);
                    long need = Math.max(0, laneServers[t][l] - inService[l]);
                    long d = Math.min(Math.min(ready, throughput), Math.min(power, need));
                    int b;
                    if (d >= need) {
                        b = NONE;
                    } else if (d == power) {
                        b = BindingConstraint.POWER.ordinal();
                    } else if (d == throughput) {
                        b = BindingConstraint.DEPLOYMENT.ordinal();
                    } else if (t >= lead && wishes.lastWish()[t - lead][l] >= unfundedFrom[t - lead]) {
                        b = BindingConstraint.CAPITAL.ordinal();
                    } else {
                        b = BindingConstraint.SUPPLY.ordinal();
                    }
                    arriving[l] = in;
                    deployed[l] = d;
                    inventory[l] = ready - d;
                    inService[l] += d;
                    deployedSoFar[l] += d;
                    binding[l] = b;
                    shortfall[l] = Math.max(0, laneDemand[t][l] - inService[l] * laneGpus[l]);
                    shareLeft[l] = Math.max(0, share - deployedSoFar[l] * laneWatts[l]);
                }
            }
            if (!full) {
                if (t < clearFrom) {
                    continue;
                }
                java.util.Arrays.fill(poolCapacity, 0);
                for (int l = 0; l < n; l++) {
                    poolCapacity[lanePool[l]] += inService[l] * laneGpus[l];
                }
                for (int p = 0; p < pools.size(); p++) {
                    if (poolInternal[p][t] + poolExternal[p][t] > poolCapacity[p]) {
                        return new Result(null, false);
                    }
                }
                continue;
            }
            // internal demand placed on the lanes, in proportion to the demand each carries
            for (int p = 0; p < pools.size(); p++) {
                int[] lanes = poolLanes[p];
                long internal = poolInternal[p][t];
                if (internal == 0 || poolExternal[p][t] == 0 || lanes.length == 1) {
                    for (int l : lanes) {
                        internalPart[l] = internal == 0 ? 0
                                : poolExternal[p][t] == 0 ? laneDemand[t][l] : internal;
                    }
                    continue;
                }
                long[] demandNow = laneDemand[t];
                for (int i = 0; i < lanes.length; i++) {
                    weightBuffer[i] = demandNow[lanes[i]];
                }
                Apportion.split(internal, weightBuffer, lanes.length, partBuffer);
                for (int i = 0; i < lanes.length; i++) {
                    internalPart[lanes[i]] = partBuffer[i];
                }
            }
            quarters.add(agg.quarter(q, t, laneDemand, internalPart, inService, deployed, purchased, arriving,
                    inventory, shortfall, binding, shareLeft, deployedSoFar, sitePower, siteInUse, poolInternal,
                    poolExternal));
        }
        if (!full) {
            return new Result(null, true);
        }
        CapacityPlan plan = new CapacityPlan(scenario.name(), quarters, summarise(quarters));
        return new Result(new Outcome(plan, capexUpper, throughputBound(laneMostServers, siteThroughput),
                powerBound(laneMostServers, sitePower, siteInUse)), false);
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    /**
     * A multiplier of every site's throughput past which throughput never binds: each lane's
     * even share covers the most servers it ever needs in a quarter.
     */
    private BigDecimal throughputBound(long[] laneMostServers, long[][] siteThroughput) {
        BigDecimal bound = BigDecimal.ONE;
        for (int s = 0; s < siteCount; s++) {
            int lanes = siteLaneCount[s];
            long most = 0;
            for (int l = siteLaneStart[s]; l < siteLaneStart[s] + lanes; l++) {
                most = Math.max(most, laneMostServers[l]);
            }
            long least = Long.MAX_VALUE;
            for (int t = 0; t < horizon; t++) {
                if (siteThroughput[s][t] > 0) {
                    least = Math.min(least, siteThroughput[s][t]);
                }
            }
            if (most == 0 || least == Long.MAX_VALUE) {
                continue;
            }
            BigDecimal needed = BigDecimal.valueOf(Math.multiplyExact(most, (long) lanes))
                    .divide(BigDecimal.valueOf(least), 3, RoundingMode.CEILING);
            bound = bound.max(needed);
        }
        return bound;
    }

    /** Kilowatts added at every site past which power never binds. */
    private long powerBound(long[] laneMostServers, long[][] sitePower, long[] siteInUse) {
        long bound = 0;
        for (int s = 0; s < siteCount; s++) {
            int lanes = siteLaneCount[s];
            long most = 0;
            for (int l = siteLaneStart[s]; l < siteLaneStart[s] + lanes; l++) {
                most = Math.max(most, Math.multiplyExact(laneMostServers[l], laneWatts[l]));
            }
            long least = Long.MAX_VALUE;
            for (int t = 0; t < horizon; t++) {
                least = Math.min(least, sitePower[s][t]);
            }
            long watts = Math.multiplyExact(most, (long) lanes) + Math.max(0, siteInUse[s] - least);
            bound = Math.max(bound, (watts + 999) / 1000);
        }
        return bound;
    }

    private PlanSummary summarise(List<QuarterPlan> quarters) {
        Optional<Quarter> firstClear = Optional.empty();
        long peakBacklog = 0;
        Optional<Quarter> peakBacklogAt = Optional.empty();
        long peakInventory = 0;
        Optional<Quarter> peakInventoryAt = Optional.empty();
        Money capex = zeroMoney;
        Map<BindingConstraint, Integer> counts = new EnumMap<>(BindingConstraint.class);
        for (QuarterPlan quarter : quarters) {
            Figures total = quarter.total();
            if (firstClear.isEmpty() && total.backlogGpus() == 0) {
                firstClear = Optional.of(quarter.quarter());
            }
            if (total.backlogGpus() > peakBacklog) {
                peakBacklog = total.backlogGpus();
                peakBacklogAt = Optional.of(quarter.quarter());
            }
            if (total.inventoryServers() > peakInventory) {
                peakInventory = total.inventoryServers();
                peakInventoryAt = Optional.of(quarter.quarter());
            }
            capex = capex.plus(total.capexSpent());
            counts.merge(total.binding(), 1, Integer::sum);
        }
        return new PlanSummary(firstClear, peakBacklog, peakBacklogAt, capex, peakInventory, peakInventoryAt, counts);
    }

    /**
     * Sums lanes into data centres, pools, regions and the fleet, and keeps each scope's capex and
     * the running sum of its last useful life's quarters for depreciation. Called once per quarter,
     * in order; the sums are reused from quarter to quarter.
     */
    private final class Aggregates {
        private final int lifeQuarters = scenario.usefulLifeYears() * 4;
        private final long[][] siteCapex = new long[siteCount][horizon];
        private final long[][] poolCapex = new long[pools.size()][horizon];
        private final long[][] regionCapex = new long[regions.size()][horizon];
        private final long[] totalCapex = new long[horizon];
        private final long[] siteWindow = new long[siteCount];
        private final long[] poolWindow = new long[pools.size()];
        private final long[] regionWindow = new long[regions.size()];
        private long totalWindow;
        private final IdMap.Keys<DataCenterId> siteKeys;
        private final IdMap.Keys<PoolId> poolKeys = new IdMap.Keys<>(pools);
        private final IdMap.Keys<RegionId> regionKeys = new IdMap.Keys<>(regions);
        private final Sum site = new Sum();
        private final Sum[] poolSums = sums(pools.size());
        private final Sum[] regionSums = sums(regions.size());
        private final Sum fleet = new Sum();
        private final long[] regionPower = new long[regions.size()];

        Aggregates() {
            List<DataCenterId> ids = new ArrayList<>(siteCount);
            sites.forEach(s -> ids.add(s.id()));
            siteKeys = new IdMap.Keys<>(ids);
        }

        private static Sum[] sums(int count) {
            Sum[] out = new Sum[count];
            for (int i = 0; i < count; i++) {
                out[i] = new Sum();
            }
            return out;
        }

        QuarterPlan quarter(Quarter q, int t, long[][] laneDemand, long[] laneInternal, long[] inService,
                            long[] deployed, long[][] purchased, long[] arriving, long[] inventory, long[] shortfall,
                            int[] binding, long[] shareLeft, long[] deployedSoFar, long[][] sitePower,
                            long[] siteInUse, long[][] poolInternal, long[][] poolExternal) {
            int poolCount = pools.size();
            int regionCount = regions.size();
            for (Sum pool : poolSums) {
                pool.clear();
            }
            long[] demandNow = laneDemand[t];
            long[] purchasedNow = purchased[t];
            Object[] siteFigures = new Object[siteCount];
            java.util.Arrays.fill(regionPower, 0);
            for (int s = 0; s < siteCount; s++) {
                site.clear();
                long used = 0;
                for (int l = siteLaneStart[s]; l < siteLaneStart[s] + siteLaneCount[s]; l++) {
                    long demandAll = demandNow[l];
                    long internal = laneInternal[l];
                    long capacity = inService[l] * laneGpus[l];
                    long capex = purchasedNow[l] * laneCost[l];
                    Sum pool = poolSums[lanePool[l]];
                    site.addLane(internal, demandAll - internal, capacity, deployed[l], purchasedNow[l], arriving[l],
                            inventory[l], capex, shortfall[l], binding[l]);
                    pool.addLane(internal, demandAll - internal, capacity, deployed[l], purchasedNow[l], arriving[l],
                            inventory[l], capex, shortfall[l], binding[l]);
                    pool.power += shareLeft[l];
                    used += deployedSoFar[l] * laneWatts[l];
                }
                site.power = Math.max(0, sitePower[s][t] - siteInUse[s] - used);
                regionPower[siteRegion[s]] += site.power;
                siteCapex[s][t] = site.capex;
                siteWindow[s] = roll(siteWindow[s], siteCapex[s], t);
                siteFigures[s] = figures(site, site.shortfall, Math.max(0, site.capacity - site.internal),
                        depreciation(siteWindow[s]), site.shortfall > 0 ? dominant(site.byConstraint) : NONE);
            }
            Object[] poolFigures = new Object[poolCount];
            for (Sum region : regionSums) {
                region.clear();
            }
            fleet.clear();
            for (int p = 0; p < poolCount; p++) {
                Sum pool = poolSums[p];
                pool.internal = poolInternal[p][t];
                pool.external = poolExternal[p][t];
                long backlog = Math.max(0, pool.internal + pool.external - pool.capacity);
                if (poolLanes[p].length == 0) {
                    // no site hosts the pool: its demand waits for hardware that is nowhere
                    pool.byConstraint[BindingConstraint.SUPPLY.ordinal()] += backlog;
                }
                long leasable = Math.max(0, pool.capacity - pool.internal);
                poolCapex[p][t] = pool.capex;
                poolWindow[p] = roll(poolWindow[p], poolCapex[p], t);
                poolFigures[p] = figures(pool, backlog, leasable, depreciation(poolWindow[p]),
                        backlog > 0 ? dominant(pool.byConstraint) : NONE);
                regionSums[poolRegion[p]].addPool(pool, backlog, leasable);
                fleet.addPool(pool, backlog, leasable);
            }
            Object[] regionFigures = new Object[regionCount];
            for (int r = 0; r < regionCount; r++) {
                Sum region = regionSums[r];
                region.power = regionPower[r];
                fleet.power += regionPower[r];
                regionCapex[r][t] = region.capex;
                regionWindow[r] = roll(regionWindow[r], regionCapex[r], t);
                regionFigures[r] = figures(region, region.shortfall, region.leasable, depreciation(regionWindow[r]),
                        region.shortfall > 0 ? dominant(region.byConstraint) : NONE);
            }
            totalCapex[t] = fleet.capex;
            totalWindow = roll(totalWindow, totalCapex, t);
            Figures total = figures(fleet, fleet.shortfall, fleet.leasable, depreciation(totalWindow),
                    fleet.shortfall > 0 ? dominant(fleet.byConstraint) : NONE);
            return new QuarterPlan(q, total, new IdMap<>(regionKeys, regionFigures), new IdMap<>(poolKeys, poolFigures),
                    new IdMap<>(siteKeys, siteFigures));
        }

        private Figures figures(Sum sum, long backlog, long leasable, long depreciation, int binding) {
            return new Figures(sum.internal, sum.external, sum.capacity, backlog, leasable, sum.deployed,
                    sum.purchased, sum.arriving, sum.inventory, sum.power == 0 ? Power.ZERO : new Power(sum.power),
                    money(sum.capex), money(depreciation), CONSTRAINTS[binding]);
        }

        /** The capex of the last useful life's quarters up to {@code t}, from the sum up to {@code t - 1}. */
        private long roll(long window, long[] capex, int t) {
            return window + capex[t] - (t >= lifeQuarters ? capex[t - lifeQuarters] : 0);
        }

        /** Straight-line: this quarter's share of the servers bought within the last useful life, half-even. */
        private long depreciation(long window) {
            long share = Math.floorDiv(window, lifeQuarters);
            long twiceRest = 2 * (window - share * lifeQuarters);
            if (twiceRest > lifeQuarters || (twiceRest == lifeQuarters && (share & 1) != 0)) {
                share++;
            }
            return share;
        }

        private int dominant(long[] byConstraint) {
            int best = NONE;
            long most = 0;
            for (int c = 0; c < NONE; c++) {
                if (byConstraint[c] > most) {
                    most = byConstraint[c];
                    best = c;
                }
            }
            return best;
        }
    }

    private static final class Sum {
        long internal;
        long external;
        long capacity;
        long deployed;
        long purchased;
        long arriving;
        long inventory;
        long capex;
        long power;
        long shortfall;
        long leasable;
        final long[] byConstraint = new long[CONSTRAINTS.length];

        void clear() {
            internal = 0;
            external = 0;
            capacity = 0;
            deployed = 0;
            purchased = 0;
            arriving = 0;
            inventory = 0;
            capex = 0;
            power = 0;
            shortfall = 0;
            leasable = 0;
            java.util.Arrays.fill(byConstraint, 0);
        }

        void addLane(long laneInternal, long laneExternal, long laneCapacity, long laneDeployed, long lanePurchased,
                     long laneArriving, long laneInventory, long laneCapex, long laneShortfall, int laneBinding) {
            internal += laneInternal;
            external += laneExternal;
            capacity += laneCapacity;
            deployed += laneDeployed;
            purchased += lanePurchased;
            arriving += laneArriving;
            inventory += laneInventory;
            capex += laneCapex;
            shortfall += laneShortfall;
            byConstraint[laneBinding] += laneShortfall;
        }

        /** A pool's figures into a region's or the fleet's: its backlog counts, and its constraints only when it has one. */
        void addPool(Sum pool, long backlog, long poolLeasable) {
            internal += pool.internal;
            external += pool.external;
            capacity += pool.capacity;
            deployed += pool.deployed;
            purchased += pool.purchased;
            arriving += pool.arriving;
            inventory += pool.inventory;
            capex += pool.capex;
            shortfall += backlog;
            leasable += poolLeasable;
            if (backlog > 0) {
                for (int c = 0; c < CONSTRAINTS.length; c++) {
                    byConstraint[c] += pool.byConstraint[c];
                }
            }
        }
    }
}
