package io.fleetplan.application.port.out;

import io.fleetplan.domain.capex.CapexCommitment;
import io.fleetplan.domain.shared.CommitmentId;

import java.util.List;
import java.util.Optional;

/** The capex commitments with their tranches, spend and amendments. */
public interface CapexCommitments {
    void add(CapexCommitment commitment);

    Optional<CapexCommitment> find(CommitmentId id);

    /** Finds and holds the commitment until the transaction ends. */
    Optional<CapexCommitment> lock(CommitmentId id);

    long update(CapexCommitment commitment);

    List<CapexCommitment> all();
}
