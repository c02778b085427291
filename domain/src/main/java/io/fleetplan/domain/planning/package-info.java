/**
 * Capacity planning: a quarter-by-quarter projection of demand against deployable supply, the
 * constraint that binds in each quarter, side-by-side scenarios and a solver for "what does it
 * take to clear the backlog by quarter X". Pure and deterministic: no clock, no I/O, and equal
 * inputs give equal {@link io.fleetplan.domain.planning.CapacityPlan}s.
 *
 * <h2>Inputs</h2>
 * A {@link io.fleetplan.domain.planning.Baseline} is the live state at the start quarter (sites,
 * the SKUs they host with servers in service, in the warehouse and in the pipeline, each pool's
 * current internal and external demand, and the capital left). A
 * {@link io.fleetplan.domain.planning.Scenario} holds the assumptions: horizon, demand growth or
 * series, capex, throughput and power changes, purchase lead time, useful life, and the start
 * quarter: the baseline's, or a later one to which the baseline is carried forward with only what
 * is already scheduled (see {@link io.fleetplan.domain.planning.Scenario}).
 * {@link io.fleetplan.domain.planning.CapacityPlanner#project} turns the two into a plan.
 *
 * <h2>Demand</h2>
 * A pool's demand {@code k} quarters after the baseline's quarter is {@code round(current x (1 + yoy)^(k/4))},
 * half-up to whole GPUs from the exact factor (see {@link io.fleetplan.domain.planning.YoyGrowth}),
 * or the scenario's series. Internal demand (internal training and the model platform) and
 * external demand (third-party leasing) are projected separately; internal is served first, so
 * leasing can have {@code max(0, capacity - internal demand)}.
 *
 * <h2>Lanes, and how demand and sites are shared</h2>
 * The projection works on <em>lanes</em>: one SKU at one data centre, ordered by (data centre id,
 * SKU id). Each lane buys its own SKU: the SKU a pool gets more of at a site is the one the site
 * hosts for it (a site hosting two SKUs of one pool has two lanes, and the pool's demand is
 * split between them like between sites).
 * <ul>
 * <li><b>Demand to sites.</b> A pool's demand above its current capacity is split over its lanes
 * in proportion to each lane's share of its site's <em>baseline</em> throughput (servers a week;
 * evenly when every weight is zero), on top of the capacity each lane already has; demand below
 * the current capacity is split in proportion to that capacity. Whole GPUs by largest remainder,
 * ties to the earlier lane. The split depends on the baseline only, never on a scenario's
 * changes, so relaxing a constraint never moves demand between sites.</li>
 * <li><b>Sites to SKUs.</b> A site shares its quarterly throughput and its power headroom
 * ({@code capacity - load in use at the start}, plus additions) evenly and fixedly between its
 * lanes, the units left over to the lowest SKU ids. A share one lane leaves unused is not passed
 * to another: that understates a mixed site a little, and keeps the plan monotone.</li>
 * </ul>
 *
 * <h2>Each quarter q, for each lane</h2>
 * <pre>
 * wanted_q     = ceil(demand_{q+lead} / GPUs per server) - on site at the start
 *                - pipeline due by q+lead - bought so far          (never negative; a lane buys
 *                                                                  towards the highest need it saw)
 * purchased_q  = what capital funds of it: wishes are funded strictly first come, first served
 *                (quarter, then lane order), each floor(capital available / unit cost); when one
 *                cannot be funded in full, nothing behind it is funded that quarter
 * arriving_q   = pipeline due in q (overdue deliveries in the start quarter) + purchased_{q-lead}
 * ready_q      = inventory_{q-1} + arriving_q
 * throughput_q = the lane's share of floor(servers a week x 13)
 * power_q      = floor(the lane's share of power headroom / power per server) - deployed so far
 * need_q       = ceil(demand_q / GPUs per server) - in service
 * deployed_q   = min(ready_q, throughput_q, power_q, need_q);  inventory_q = ready_q - deployed_q
 * binding_q    = NONE when deployed_q = need_q; else the term that set it: POWER, then DEPLOYMENT,
 *                then CAPITAL if the wishes of q-lead were not all funded by q-lead, else SUPPLY
 * </pre>
 * Capital available in q is the commitment in force (the latest new total, plus every addition)
 * less what was spent before the start and in the plan; with a tranche schedule, no more than the
 * tranches released by q plus any raise. Capex spent = purchased x unit cost; depreciation in q
 * is the capex of the last {@code useful life x 4} quarters divided by that many quarters,
 * half-even to the minor unit, computed per scope.
 *
 * <h2>Scopes</h2>
 * A pool's backlog is {@code max(0, demand - capacity)}; a region's and the fleet's are the sums
 * of their pools' (GPUs of one pool cannot serve another); a data centre's is the demand placed
 * on it that it does not serve. The binding constraint of a scope is the one with the largest
 * unmet demand among its lanes (ties in enum order), or NONE when the scope has no backlog; a
 * pool no site hosts is SUPPLY-bound.
 *
 * <h2>Monotone, hence solvable</h2>
 * Because demand placement and site sharing ignore the scenario's changes, and capital is funded
 * first come, first served, each lane's cumulative purchases rise with capital, and its capacity
 * {@code min(on site, capacity_{q-1} + throughput, power limit, target)} rises with each of them.
 * So more capex, throughput or power never raises any quarter's backlog, and
 * {@link io.fleetplan.domain.planning.BacklogSolver} can bisect.
 *
 * <h2>Cost</h2>
 * Linear in lanes x quarters (plus a sort of each pool's lanes per quarter for the largest
 * remainders); arrays are indexed [quarter][lane], the scopes summed once per quarter.
 */
package io.fleetplan.domain.planning;
