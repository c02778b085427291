package io.fleetplan.application.contract;

import io.fleetplan.domain.access.ApiToken;
import io.fleetplan.domain.access.Role;
import io.fleetplan.domain.fleet.AcceleratorType;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.fleet.ServerSku;
import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.region.Region;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.SkuId;
import io.fleetplan.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Regions, data centres, accelerator types, SKUs, batches and tokens: add, find, update with versions, list. */
public abstract class ReferenceDataContract extends StoreContract {
    private static final RegionId HZ = RegionId.of("cn-hangzhou");

    @Test
    void storesAndFindsARegionAndRefusesADuplicateId() {
        run(() -> stores.regions().add(Region.register(HZ, "Hangzhou")));
        Region found = tx(() -> stores.regions().find(HZ)).orElseThrow();
        assertThat(found.name()).isEqualTo("Hangzhou");
        assertThat(found.version()).isEqualTo(1);
        assertThatThrownBy(() -> run(() -> stores.regions().add(Region.register(HZ, "Again"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThat(tx(() -> stores.regions().find(RegionId.of("cn-beijing")))).isEmpty();
        assertThat(tx(() -> stores.regions().all())).extracting(Region::name).containsExactly("Hangzhou");
    }

    @Test
    void updatesADataCentreAtItsVersionAndRefusesAStaleOne() {
        DataCenterId id = DataCenterId.of("hz-a");
        run(() -> {
            stores.regions().add(Region.register(HZ, "Hangzhou"));
            stores.dataCenters().add(DataCenter.register(id, HZ, "Hangzhou A", Power.ofKilowatts(1000), 50));
        });
        DataCenter first = tx(() -> stores.dataCenters().lock(id)).orElseThrow();
        DataCenter stale = tx(() -> stores.dataCenters().find(id)).orElseThrow();
        first.installLoad(Power.ofKilowatts(400), "b1", 40);
        assertThat(tx(() -> stores.dataCenters().update(first))).isEqualTo(2);
        stale.change(Power.ofKilowatts(2000), 60, "more power");
        assertThatThrownBy(() -> tx(() -> stores.dataCenters().update(stale)))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "stale-version");
        DataCenter now = tx(() -> stores.dataCenters().find(id)).orElseThrow();
        assertThat(now.powerInUse()).isEqualTo(Power.ofKilowatts(400));
        assertThat(now.powerCapacity()).isEqualTo(Power.ofKilowatts(1000));
        assertThat(now.version()).isEqualTo(2);
        assertThat(tx(() -> stores.dataCenters().list(Optional.of(HZ)))).hasSize(1);
        assertThat(tx(() -> stores.dataCenters().list(Optional.of(RegionId.of("cn-beijing"))))).isEmpty();
    }

    @Test
    void roundTripsAcceleratorTypesSkusAndBatchesWithEveryField() {
        AcceleratorTypeId h20 = AcceleratorTypeId.of("H20");
        SkuId sku = SkuId.of("h20-8");
        BatchId batch = BatchId.of("b-1");
        DataCenterId dc = DataCenterId.of("hz-a");
        run(() -> {
            stores.acceleratorTypes().add(AcceleratorType.register(h20, "NVIDIA", 96));
            stores.skus().add(ServerSku.register(sku, "HGX H20", h20, 8, Power.ofKilowatts(new java.math.BigDecimal("10.2")),
                    Money.of("180000.50", "USD")));
            stores.regions().add(Region.register(HZ, "Hangzhou"));
            stores.dataCenters().add(DataCenter.register(dc, HZ, "Hangzhou A", Power.ofKilowatts(1000), 50));
            ServerBatch b = ServerBatch.order(batch, sku, dc, 100, Quarter.parse("2026Q3"));
            stores.batches().add(b);
        });
        ServerBatch loaded = tx(() -> stores.batches().lock(batch)).orElseThrow();
        loaded.deliver(60);
        loaded.install(50);
        loaded.activate(40);
        loaded.retire(5);
        tx(() -> stores.batches().update(loaded));
        ServerBatch again = tx(() -> stores.batches().find(batch)).orElseThrow();
        assertThat(again.delivered()).isEqualTo(60);
        assertThat(again.installed()).isEqualTo(50);
        assertThat(again.activated()).isEqualTo(40);
        assertThat(again.retired()).isEqualTo(5);
        assertThat(again.expectedDelivery()).isEqualTo(Quarter.parse("2026Q3"));
        assertThat(again.version()).isEqualTo(2);
        assertThat(tx(() -> stores.batches().list(Optional.of(dc)))).hasSize(1);
        ServerSku s = tx(() -> stores.skus().find(sku)).orElseThrow();
        assertThat(s.unitCost()).isEqualTo(Money.of("180000.50", "USD"));
        assertThat(s.powerPerServer().watts()).isEqualTo(10_200);
        assertThat(tx(() -> stores.acceleratorTypes().find(h20)).orElseThrow().memoryGib()).isEqualTo(96);
    }

    @Test
    void findsTokensByNameAndBySecretHashAndKeepsRevocation() {
        String hash = "a".repeat(64);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        run(() -> {
            stores.tokens().add(ApiToken.create("acme", Role.TENANT, TenantId.of("acme"), hash, at));
            stores.tokens().add(ApiToken.create("ops", Role.OPERATOR, null, "b".repeat(64), at));
        });
        ApiToken acme = tx(() -> stores.tokens().findBySecretHash(hash)).orElseThrow();
        assertThat(acme.tenant()).contains(TenantId.of("acme"));
        acme.revoke(at.plusSeconds(60));
        tx(() -> stores.tokens().update(acme));
        assertThat(tx(() -> stores.tokens().find("acme")).orElseThrow().isActive()).isFalse();
        assertThat(tx(() -> stores.tokens().all())).extracting(ApiToken::name).containsExactly("acme", "ops");
        assertThat(tx(() -> stores.tokens().findBySecretHash("c".repeat(64)))).isEmpty();
    }
}
