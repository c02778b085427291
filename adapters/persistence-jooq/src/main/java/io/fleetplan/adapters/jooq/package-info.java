/**
 * The database store: every out-port of the application over jOOQ, on an embedded H2 file (the
 * default) or PostgreSQL. {@link io.fleetplan.adapters.jooq.DatabaseStores} is the one public entry:
 * it migrates the schema (Flyway; the SQL in {@code db/migration} is the only schema source and the
 * jOOQ classes are generated from it at build time), opens a HikariCP pool and hands out the
 * {@link io.fleetplan.application.port.out.Stores}.
 *
 * <p>One use case is one READ COMMITTED transaction bound to the calling thread; every repository
 * and the event log join it. Pools, data centres, batches and commitments are held with row locks
 * for the length of it, which keeps their invariants across threads, processes and nodes sharing
 * one PostgreSQL database. A transaction the database aborts for colliding with another is run
 * again a bounded number of times. Events are numbered at commit under one counter row, so the
 * log is gapless and in commit order. jOOQ types never leave this package.
 */
package io.fleetplan.adapters.jooq;
