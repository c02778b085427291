-- Planning scenarios: a name, the definition as text (the application writes and reads it), and
-- whether it is the plan of record (at most one is).
CREATE TABLE scenario (
    name            VARCHAR(200)  NOT NULL PRIMARY KEY,
    definition      VARCHAR(1000000) NOT NULL,
    plan_of_record  BOOLEAN       NOT NULL,
    version         BIGINT        NOT NULL
);
