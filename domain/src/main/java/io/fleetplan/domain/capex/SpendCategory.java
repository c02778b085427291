package io.fleetplan.domain.capex;

/** What capital was spent on. */
public enum SpendCategory {
    SERVERS,
    DATA_CENTER,
    NETWORK,
    OTHER
}
