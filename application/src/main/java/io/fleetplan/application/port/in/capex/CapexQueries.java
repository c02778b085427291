package io.fleetplan.application.port.in.capex;

import java.util.List;

/** Reads commitments and their status. */
public interface CapexQueries {
    List<CommitmentView> commitments();

    CommitmentView commitment(String id);

    /** The status as of a quarter (such as 2026Q1); the last completed quarter when {@code asOf} is null. */
    CommitmentStatusView status(String id, String asOf);
}
