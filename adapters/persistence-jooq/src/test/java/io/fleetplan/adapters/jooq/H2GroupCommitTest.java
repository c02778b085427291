package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit on H2, where the group lock is the database's one writer. */
class H2GroupCommitTest extends GroupCommitCases {
    @Override
    protected TestDatabase database() {
        return TestDatabase.h2("group-commit");
    }

    @Test
    void aChangeInsideReadOnlyWorkIsRefusedAndWritesNothing() {
        try (DatabaseStores store = TestDatabase.h2("read-only").open()) {
            Stores stores = store.stores();
            PoolId pool = PoolId.of("cn-hangzhou", "H20");
            assertThatThrownBy(() -> stores.unitOfWork().readOnly(() -> stores.unitOfWork().inTransaction(() -> {
                stores.pools().add(GpuPool.create(pool));
                return null;
            }))).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only work");
            assertThat(stores.unitOfWork().readOnly(() -> stores.pools().find(pool))).isEmpty();
            // read-only work inside a change joins it, as before
            assertThat(stores.unitOfWork().inTransaction(() -> {
                stores.pools().add(GpuPool.create(pool));
                return stores.unitOfWork().readOnly(() -> stores.pools().find(pool));
            })).isPresent();
        }
    }
}
