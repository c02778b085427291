-- Fleetplan's store: one table per aggregate, capex children as child tables, the order indexes
-- admission reads, and the append-only event log. The same SQL runs on H2 (MODE=PostgreSQL) and
-- PostgreSQL, so it keeps to their common subset. No foreign keys between aggregates: the use cases
-- check references, as the in-memory store does, and aggregates stay independently storable.
--
-- Conventions: power in whole watts (BIGINT); money as NUMERIC(30,6) plus an ISO 4217 code; quarters
-- as text of the form 2025Q3 (sorts in time order); instants as TIMESTAMP WITH TIME ZONE (microseconds);
-- tiers as WorkloadClass.rank() (0 = INTERNAL_TRAINING, the highest); every aggregate row carries the
-- version it was last stored at, for optimistic checks.

CREATE TABLE region (
    id      VARCHAR(64)  NOT NULL,
    name    VARCHAR(200) NOT NULL,
    version BIGINT       NOT NULL,
    CONSTRAINT region_pk PRIMARY KEY (id)
);

CREATE TABLE data_center (
    id                  VARCHAR(64)  NOT NULL,
    region_id           VARCHAR(64)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    power_capacity_w    BIGINT       NOT NULL,
    throughput_per_week BIGINT       NOT NULL,
    power_in_use_w      BIGINT       NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT data_center_pk PRIMARY KEY (id)
);
CREATE INDEX data_center_by_region ON data_center (region_id, id);

CREATE TABLE accelerator_type (
    id         VARCHAR(64)  NOT NULL,
    vendor     VARCHAR(200) NOT NULL,
    memory_gib INTEGER      NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT accelerator_type_pk PRIMARY KEY (id)
);

CREATE TABLE server_sku (
    id                      VARCHAR(64)    NOT NULL,
    name                    VARCHAR(200)   NOT NULL,
    accelerator_type_id     VARCHAR(64)    NOT NULL,
    accelerators_per_server INTEGER        NOT NULL,
    power_per_server_w      BIGINT         NOT NULL,
    unit_cost               NUMERIC(30, 6) NOT NULL,
    unit_cost_currency      VARCHAR(3)     NOT NULL,
    version                 BIGINT         NOT NULL,
    CONSTRAINT server_sku_pk PRIMARY KEY (id)
);

CREATE TABLE server_batch (
    id                VARCHAR(64) NOT NULL,
    sku_id            VARCHAR(64) NOT NULL,
    data_center_id    VARCHAR(64) NOT NULL,
    quantity          BIGINT      NOT NULL,
    expected_delivery VARCHAR(7)  NOT NULL,
    delivered         BIGINT      NOT NULL,
    installed         BIGINT      NOT NULL,
    activated         BIGINT      NOT NULL,
    retired           BIGINT      NOT NULL,
    version           BIGINT      NOT NULL,
    CONSTRAINT server_batch_pk PRIMARY KEY (id)
);
CREATE INDEX server_batch_by_data_center ON server_batch (data_center_id, id);

-- Per-tier figures are columns named <figure>_tier<rank>, one per WorkloadClass: a pool is read
-- and written as one row, under its row lock.
CREATE TABLE gpu_pool (
    region_id           VARCHAR(64) NOT NULL,
    accelerator_type_id VARCHAR(64) NOT NULL,
    capacity            BIGINT      NOT NULL,
    allocated_tier0     BIGINT      NOT NULL,
    allocated_tier1     BIGINT      NOT NULL,
    allocated_tier2     BIGINT      NOT NULL,
    reserved_tier0      BIGINT      NOT NULL,
    reserved_tier1      BIGINT      NOT NULL,
    reserved_tier2      BIGINT      NOT NULL,
    pending_tier0       BIGINT      NOT NULL,
    pending_tier1       BIGINT      NOT NULL,
    pending_tier2       BIGINT      NOT NULL,
    pending_gpus_tier0  BIGINT      NOT NULL,
    pending_gpus_tier1  BIGINT      NOT NULL,
    pending_gpus_tier2  BIGINT      NOT NULL,
    queueing            VARCHAR(32) NOT NULL,
    preemption          BOOLEAN     NOT NULL,
    submissions         BIGINT      NOT NULL,
    admissions          BIGINT      NOT NULL,
    version             BIGINT      NOT NULL,
    CONSTRAINT gpu_pool_pk PRIMARY KEY (region_id, accelerator_type_id)
);

CREATE TABLE capacity_order (
    id                  VARCHAR(64)              NOT NULL,
    region_id           VARCHAR(64)              NOT NULL,
    accelerator_type_id VARCHAR(64)              NOT NULL,
    tenant_id           VARCHAR(64)              NOT NULL,
    tier                INTEGER                  NOT NULL,
    gpus                BIGINT                   NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    submission_seq      BIGINT                   NOT NULL,
    idempotency_key     VARCHAR(200),
    status              VARCHAR(16)              NOT NULL,
    admitted_at         TIMESTAMP WITH TIME ZONE,
    admission           BIGINT                   NOT NULL,
    preemptions         INTEGER                  NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE,
    version             BIGINT                   NOT NULL,
    CONSTRAINT capacity_order_pk PRIMARY KEY (id),
    CONSTRAINT capacity_order_idempotency_key UNIQUE (tenant_id, idempotency_key)
);
-- The backlog of a pool, per tier, in queue order.
CREATE INDEX capacity_order_pending
    ON capacity_order (region_id, accelerator_type_id, status, tier, submitted_at, submission_seq);
-- The allocations of a pool, for preemption (lowest tier first, newest admission first).
CREATE INDEX capacity_order_allocated
    ON capacity_order (region_id, accelerator_type_id, status, tier, admission);
-- Listing in (submitted-at, id) order.
CREATE INDEX capacity_order_listing ON capacity_order (submitted_at, id);

CREATE TABLE capex_commitment (
    id            VARCHAR(64)    NOT NULL,
    name          VARCHAR(200)   NOT NULL,
    total         NUMERIC(30, 6) NOT NULL,
    currency      VARCHAR(3)     NOT NULL,
    start_quarter VARCHAR(7)     NOT NULL,
    end_quarter   VARCHAR(7)     NOT NULL,
    version       BIGINT         NOT NULL,
    CONSTRAINT capex_commitment_pk PRIMARY KEY (id)
);

CREATE TABLE capex_tranche (
    commitment_id VARCHAR(64)    NOT NULL,
    position      INTEGER        NOT NULL,
    quarter       VARCHAR(7)     NOT NULL,
    amount        NUMERIC(30, 6) NOT NULL,
    currency      VARCHAR(3)     NOT NULL,
    region_id     VARCHAR(64),
    CONSTRAINT capex_tranche_pk PRIMARY KEY (commitment_id, position),
    CONSTRAINT capex_tranche_commitment FOREIGN KEY (commitment_id) REFERENCES capex_commitment (id)
);

CREATE TABLE capex_spend (
    commitment_id VARCHAR(64)              NOT NULL,
    number        BIGINT                   NOT NULL,
    quarter       VARCHAR(7)               NOT NULL,
    amount        NUMERIC(30, 6)           NOT NULL,
    currency      VARCHAR(3)               NOT NULL,
    category      VARCHAR(32)              NOT NULL,
    batch_id      VARCHAR(64),
    note          VARCHAR(100000)          NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT capex_spend_pk PRIMARY KEY (commitment_id, number),
    CONSTRAINT capex_spend_commitment FOREIGN KEY (commitment_id) REFERENCES capex_commitment (id)
);

CREATE TABLE capex_amendment (
    commitment_id  VARCHAR(64)              NOT NULL,
    position       INTEGER                  NOT NULL,
    previous_total NUMERIC(30, 6)           NOT NULL,
    new_total      NUMERIC(30, 6)           NOT NULL,
    currency       VARCHAR(3)               NOT NULL,
    previous_end   VARCHAR(7)               NOT NULL,
    new_end        VARCHAR(7)               NOT NULL,
    reason         VARCHAR(4000)            NOT NULL,
    amended_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT capex_amendment_pk PRIMARY KEY (commitment_id, position),
    CONSTRAINT capex_amendment_commitment FOREIGN KEY (commitment_id) REFERENCES capex_commitment (id)
);

-- The event log is append-only. Sequences are handed out from event_counter at commit, under its
-- row lock, so they are gapless and a reader paging by sequence never misses an event that commits
-- later with a smaller number. details: key=value pairs joined by '&', '%'-escaped.
CREATE TABLE event_log (
    sequence_no BIGINT                   NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_name  VARCHAR(200)             NOT NULL,
    actor_role  VARCHAR(50)              NOT NULL,
    event_type  VARCHAR(64)              NOT NULL,
    subject     VARCHAR(200)             NOT NULL,
    details     VARCHAR(100000)          NOT NULL,
    reason      VARCHAR(100000)          NOT NULL,
    CONSTRAINT event_log_pk PRIMARY KEY (sequence_no)
);
CREATE INDEX event_log_by_time ON event_log (occurred_at, sequence_no);
CREATE INDEX event_log_by_subject ON event_log (subject, sequence_no);

CREATE TABLE event_counter (
    id            INTEGER NOT NULL,
    last_sequence BIGINT  NOT NULL,
    CONSTRAINT event_counter_pk PRIMARY KEY (id)
);
INSERT INTO event_counter (id, last_sequence) VALUES (1, 0);
