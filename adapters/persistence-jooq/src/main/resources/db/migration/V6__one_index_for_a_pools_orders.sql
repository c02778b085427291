-- A pool's orders by status and tier: capacity_order_pending (region, accelerator, status, tier,
-- submitted-at, sequence) gives the backlog in queue order and, with status 'ALLOCATED', the pool's
-- allocations, which preemption reads from the lowest tier. capacity_order_allocated led with the
-- same columns: it cost every admission a second index entry and every admission from the backlog a
-- second index move (about 40% of a 50,000-order drain on H2), for an order (newest admission first)
-- that the preemption query sorts by itself.
DROP INDEX capacity_order_allocated;
