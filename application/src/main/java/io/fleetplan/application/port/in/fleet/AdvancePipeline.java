package io.fleetplan.application.port.in.fleet;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Records servers of a batch moving one step down the pipeline: delivered to site, installed
 * (racked and powered, refused beyond the site's power), activated (into service, growing the
 * pool and draining its backlog), or retired (out of service, shrinking the pool; never refused).
 */
public interface AdvancePipeline {
    BatchView advance(Actor actor, Command command);

    enum Step { DELIVER, INSTALL, ACTIVATE, RETIRE }

    record Command(@NotNull String batch, @NotNull Step step, @Positive @Max(10_000_000) long servers,
                   @Size(max = 1000) String reason) {
    }
}
