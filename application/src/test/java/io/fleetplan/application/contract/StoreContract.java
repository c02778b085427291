package io.fleetplan.application.contract;

import io.fleetplan.application.port.out.Stores;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.Supplier;

/** What every port contract suite shares: a new, empty store per test and a way to run in a transaction. */
public abstract class StoreContract {
    protected Stores stores;

    /** A new, empty store. */
    protected abstract Stores newStores();

    @BeforeEach
    void openStore() {
        stores = newStores();
    }

    protected <T> T tx(Supplier<T> work) {
        return stores.unitOfWork().inTransaction(work);
    }

    protected void run(Runnable work) {
        stores.unitOfWork().inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
