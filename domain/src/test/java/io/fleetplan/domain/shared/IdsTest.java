package io.fleetplan.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"cn-hangzhou", "ap-southeast-1", "us-east-1", "cn-beijing-2a", "eu-central-1-x"})
    void acceptsRegionIdsOfATwoLetterPrefixAndDashedParts(String id) {
        assertThat(RegionId.of(id).value()).isEqualTo(id);
        assertThat(RegionId.of(id)).hasToString(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cn", "cn-", "c-hangzhou", "chn-hangzhou", "CN-hangzhou", "cn-Hangzhou", "cn--hangzhou",
            "cn_hangzhou", "cn-hangzhou-", "-cn-hangzhou", "cn-hang zhou", "1n-hangzhou", ""})
    void rejectsRegionIdsOutsideThePattern(String id) {
        assertInvalidValue(() -> RegionId.of(id), "regionId");
    }

    @Test
    void rejectsAMissingRegionId() {
        assertInvalidValue(() -> RegionId.of(null), "regionId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"H20", "H800", "PPU", "A100-80G", "MI300_X", "9X", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
    void acceptsUpperCaseAcceleratorTokens(String id) {
        assertThat(AcceleratorTypeId.of(id)).hasToString(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h20", "H20a", "-H20", "_H20", "H 20", "H20/X", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"})
    void rejectsAcceleratorTokensThatAreNotUpperCaseTokens(String id) {
        assertInvalidValue(() -> AcceleratorTypeId.of(id), "acceleratorType");
    }

    @Test
    void parsesThePoolIdThatItPrints() {
        PoolId pool = PoolId.parse("cn-hangzhou/H20");
        assertThat(pool.region()).isEqualTo(RegionId.of("cn-hangzhou"));
        assertThat(pool.accelerator()).isEqualTo(AcceleratorTypeId.of("H20"));
        assertThat(pool).hasToString("cn-hangzhou/H20").isEqualTo(PoolId.of("cn-hangzhou", "H20"));
        assertThat(PoolId.parse(pool.toString())).isEqualTo(pool);
    }

    @Test
    void rejectsPoolIdsWithoutASlash() {
        assertInvalidValue(() -> PoolId.parse("cn-hangzhou-H20"), "poolId");
        assertInvalidValue(() -> PoolId.parse(null), "poolId");
    }

    @Test
    void rejectsPoolIdsWhosePartsAreNotIds() {
        assertInvalidValue(() -> PoolId.parse("CN/H20"), "regionId");
        assertInvalidValue(() -> PoolId.parse("cn-hangzhou/h20"), "acceleratorType");
        assertInvalidValue(() -> PoolId.parse("cn-hangzhou/H20/extra"), "acceleratorType");
        assertInvalidValue(() -> PoolId.parse("/H20"), "regionId");
        assertInvalidValue(() -> PoolId.parse("cn-hangzhou/"), "acceleratorType");
    }

    @Test
    void ordersPoolsByRegionThenAccelerator() {
        assertThat(PoolId.of("ap-southeast-1", "PPU")).isLessThan(PoolId.of("cn-hangzhou", "H20"));
        assertThat(PoolId.of("cn-hangzhou", "H20")).isLessThan(PoolId.of("cn-hangzhou", "H800"));
    }

    @Test
    void acceptsDataCentreAndCommitmentIdsOfLowerCaseLettersDigitsAndDashes() {
        assertThat(DataCenterId.of("hz-a")).hasToString("hz-a");
        assertThat(CommitmentId.of("capex-2025-2028")).hasToString("capex-2025-2028");
        assertInvalidValue(() -> DataCenterId.of("HZ-A"), "dataCenterId");
        assertInvalidValue(() -> DataCenterId.of("-hz"), "dataCenterId");
        assertInvalidValue(() -> CommitmentId.of("Capex"), "commitmentId");
        assertInvalidValue(() -> CommitmentId.of("c".repeat(64)), "commitmentId");
    }

    @Test
    void acceptsSkuBatchAndOrderIdsOfLettersDigitsDotsDashesAndUnderscores() {
        assertThat(SkuId.of("hgx-h20-8")).hasToString("hgx-h20-8");
        assertThat(BatchId.of("B-2025.Q3_01")).hasToString("B-2025.Q3_01");
        assertThat(OrderId.of("ord_1.a-B")).hasToString("ord_1.a-B");
        assertInvalidValue(() -> SkuId.of(".hgx"), "skuId");
        assertInvalidValue(() -> BatchId.of("b".repeat(65)), "batchId");
        assertInvalidValue(() -> OrderId.of("ord 1"), "orderId");
    }

    @Test
    void acceptsLowerCaseTenantsOnly() {
        assertThat(TenantId.of("acme.ai")).hasToString("acme.ai");
        assertInvalidValue(() -> TenantId.of("Acme"), "tenant");
    }

    @Test
    void idsOfTheSameValueAreEqual() {
        assertThat(RegionId.of("cn-hangzhou")).isEqualTo(RegionId.of("cn-hangzhou"));
        assertThat(OrderId.of("o-1")).isNotEqualTo(OrderId.of("o-2"));
    }

    @Test
    void actorsNeedANameAndARole() {
        assertThat(Actor.SYSTEM.role()).isEqualTo("system");
        assertInvalidValue(() -> new Actor(" ", "operator"), "actor");
        assertInvalidValue(() -> new Actor("ops", null), "role");
    }
}
