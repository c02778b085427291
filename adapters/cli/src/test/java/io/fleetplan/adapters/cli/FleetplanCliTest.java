package io.fleetplan.adapters.cli;

import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.capex.CapexQueries;
import io.fleetplan.application.port.in.capex.CommitmentStatusView;
import io.fleetplan.application.port.in.gpu.OrderQueries;
import io.fleetplan.application.port.in.gpu.PoolView;
import io.fleetplan.application.port.in.region.DataCenterView;
import io.fleetplan.application.port.in.region.RegionQueries;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.ApplicationServices;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line over an in-memory store: exit codes, one-line errors, settings precedence, tokens, the demo. */
class FleetplanCliTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

    /** A runtime over one in-memory store that records what it was asked to serve. */
    static final class RecordingRuntime implements CliRuntime {
        final Stores stores = InMemoryStores.create();
        final ApplicationServices services = new ApplicationServices(stores, CLOCK,
                Validation.buildDefaultValidatorFactory().getValidator());
        final List<StoreSettings> opened = new ArrayList<>();
        ServerSettings served;

        @Override
        public Session open(StoreSettings store) {
            opened.add(store);
            return new Session() {
                @Override
                public <T> T get(Class<T> useCase) {
                    for (Object s : List.of(services.regions(), services.fleet(), services.orders(), services.capex(),
                            services.events(), services.access(), services.planning(), services.imports())) {
                        if (useCase.isInstance(s)) {
                            return useCase.cast(s);
                        }
                    }
                    throw new IllegalArgumentException(useCase.getName());
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void migrate(StoreSettings store) {
            opened.add(store);
        }

        @Override
        public Server serve(Session session, ServerSettings settings) {
            served = settings;
            return new Server() {
                public String url() {
                    return "http://" + settings.host() + ":" + settings.port();
                }

                public Optional<String> createdAdminSecret() {
                    return Optional.empty();
                }

                public void awaitShutdown() {
                }
            };
        }
    }

    private record Result(int code, String out, String err) {
    }

    private final RecordingRuntime runtime = new RecordingRuntime();

    private Result run(Map<String, String> env, Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new FleetplanCli(runtime, CLOCK, env, dir).run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Result run(String... args) {
        return run(Map.of(), Path.of("does-not-exist"), args);
    }

    @Test
    void anUnknownCommandIsOneLineAndExitCodeTwo() {
        Result r = run("launch");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("fleetplan: ").contains("launch");
    }

    @Test
    void aBadFlagIsOneLineAndExitCodeTwo() {
        Result r = run("serve", "--prot", "80");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("--prot");
        assertThat(runtime.opened).isEmpty();
    }

    @Test
    void helpForOneCommandIsItsUsageUnderFleetplanAndOpensNothing() {
        Result serve = run("serve", "--port", "0", "--help");
        assertThat(serve.code()).isZero();
        assertThat(serve.out()).startsWith("Usage: fleetplan serve ").contains("--data-dir=DIR", "--port=<port>");
        Result plan = run("plan", "-h");
        assertThat(plan.code()).isZero();
        assertThat(plan.out()).startsWith("Usage: fleetplan plan ");
        assertThat(runtime.opened).isEmpty();
        assertThat(runtime.served).isNull();
    }

    @Test
    void aBadSettingFromTheEnvironmentNamesTheSettingAndWhatIsAllowed() {
        Result r = run(Map.of("FLEETPLAN_PORT", "eighty"), Path.of("x"), "serve", "--store", "memory");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("FLEETPLAN_PORT", "eighty", "0 to 65535");
        assertThat(runtime.opened).isEmpty();
        Result store = run("serve", "--store", "oracle");
        assertThat(store.code()).isEqualTo(2);
        assertThat(store.err()).contains("--store", "memory, h2 or postgres");
        Result pg = run("migrate", "--store", "postgres");
        assertThat(pg.code()).isEqualTo(2);
        assertThat(pg.err()).contains("jdbc-url");
    }

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverThePropertiesFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("fleetplan.properties"), "port=7000\nhost=0.0.0.0\nstore=memory\n");
        assertThat(run(Map.of(), dir, "serve").code()).isZero();
        assertThat(runtime.served).isEqualTo(new ServerSettings("0.0.0.0", 7000, Optional.empty()));
        assertThat(run(Map.of("FLEETPLAN_PORT", "7100"), dir, "serve").code()).isZero();
        assertThat(runtime.served.port()).isEqualTo(7100);
        assertThat(run(Map.of("FLEETPLAN_PORT", "7100"), dir, "serve", "--port", "7200").code()).isZero();
        assertThat(runtime.served.port()).isEqualTo(7200);
        assertThat(runtime.opened).allMatch(s -> s.kind() == StoreSettings.Kind.MEMORY);
        Path other = dir.resolve("other.properties");
        Files.writeString(other, "port=7300\nstore=memory\n");
        Result r = run(Map.of(), dir, "--config", other.toString(), "serve");
        assertThat(r.code()).isZero();
        assertThat(runtime.served.port()).isEqualTo(7300);
        assertThat(r.out()).contains("Fleetplan listening on http://127.0.0.1:7300");
        Result missing = run(Map.of(), dir, "--config", dir.resolve("nope.properties").toString(), "serve");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void createsListsAndRevokesTokens() {
        Result created = run("token", "create", "acme-ci", "--role", "tenant", "--tenant", "acme", "--store", "memory");
        assertThat(created.code()).as(created.err()).isZero();
        String secret = created.out().substring(created.out().lastIndexOf(' ') + 1).trim();
        assertThat(runtime.services.access().authenticate(secret)).isPresent();
        Result list = run("token", "list", "--store", "memory");
        assertThat(list.out()).contains("acme-ci", "tenant", "acme").doesNotContain(secret);
        assertThat(run("token", "revoke", "acme-ci", "--store", "memory").code()).isZero();
        assertThat(runtime.services.access().authenticate(secret)).isEmpty();
        Result again = run("token", "revoke", "acme-ci", "--store", "memory");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err().lines()).hasSize(1);
        assertThat(again.err()).contains("already revoked");
        Result bad = run("token", "create", "x", "--role", "emperor", "--store", "memory");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("role");
        assertThat(runtime.services.access().tokens()).hasSize(1);
    }

    @Test
    void theDemoLoadsOnceAndShowsDeploymentBehindOrders() {
        Result first = run("demo", "--store", "memory", "--port", "0");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("demo data loaded");
        Result second = run("demo", "--store", "memory", "--port", "0");
        assertThat(second.out()).contains("demo data already present");
        assertThat(runtime.services.regions().regions()).hasSize(5);
        PoolView hangzhou = runtime.services.orders().pool("cn-hangzhou", "H20");
        assertThat(hangzhou.backlogGpus()).as("orders outrun deployment").isPositive();
        assertThat(hangzhou.pendingGpus().get("EXTERNAL_LEASE")).isPositive();
        List<DataCenterView> sites = runtime.services.regions().dataCenters(null);
        assertThat(sites).anyMatch(dc -> dc.serversByStage().get("DELIVERED") > 0);
        assertThat(sites.stream().mapToLong(DataCenterView::undeployed).sum()).isPositive();
        for (String stage : List.of("ORDERED", "DELIVERED", "INSTALLED", "IN_SERVICE", "RETIRED")) {
            assertThat(sites.stream().mapToLong(dc -> dc.serversByStage().get(stage)).sum()).as(stage).isPositive();
        }
        CommitmentStatusView capex = runtime.services.capex().status(DemoData.COMMITMENT, null);
        assertThat(capex.asOf()).isEqualTo("2026Q3");
        assertThat(capex.total().amount()).isEqualByComparingTo(new BigDecimal("52000000000"));
        assertThat(capex.spent().amount()).isEqualByComparingTo(new BigDecimal("16800000000"));
        assertThat(capex.percentDeployed()).isEqualByComparingTo(new BigDecimal("32.3"));
        assertThat(capex.requiredAnnualRunRate().amount()).isEqualByComparingTo(new BigDecimal("17600000000"));

        var planning = runtime.services.planning();
        assertThat(planning.scenarios()).extracting(s -> s.name()).containsExactly("double deployment throughput",
                "plan of record", "raise capex to 70 billion");
        var comparison = planning.compare(List.of("raise capex to 70 billion", "double deployment throughput"));
        var record = comparison.rows().get(0);
        var capital = comparison.rows().get(1);
        var deployment = comparison.rows().get(2);
        assertThat(record.bindingQuarters().get("DEPLOYMENT")).as("deployment binds in the plan of record: %s %s", comparison, planning.plan("plan of record").quarters().get(0).dataCenters()).isPositive();
        assertThat(record.bindingQuarters().get("DEPLOYMENT")).isGreaterThan(record.bindingQuarters().get("CAPITAL"));
        assertThat(capital.backlogDelta()).as("more capital buys little while deployment binds")
                .allMatch(d -> d <= 0);
        assertThat(deployment.backlogDelta().stream().mapToLong(Long::longValue).sum())
                .as("faster deployment buys more than more capital")
                .isLessThan(capital.backlogDelta().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void plansFromALaterStartQuarterAndRefusesOneInThePast() {
        assertThat(run("demo", "--store", "memory", "--port", "0").code()).isZero();
        Result later = run("plan", "--store", "memory", "--start", "2027Q2", "--format", "csv");
        assertThat(later.code()).as(later.err()).isZero();
        List<String> rows = later.out().lines().skip(1).toList();
        assertThat(rows).isNotEmpty().allMatch(row -> row.compareTo("2027Q2") > 0);
        assertThat(rows.get(0)).startsWith("2027Q2,");
        Result table = run("plan", "raise capex to 70 billion", "--store", "memory", "--start", "2027Q1");
        assertThat(table.out()).contains("Plan 'raise capex to 70 billion', 2027Q1 to ");

        Result past = run("plan", "--store", "memory", "--start", "2026Q3");
        assertThat(past.code()).isEqualTo(1);
        assertThat(past.err().lines()).hasSize(1);
        assertThat(past.err()).contains("2026Q3", "cannot start in the past");
        Result malformed = run("plan", "--store", "memory", "--start", "2027-2");
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("start", "2027Q1");
    }

    @Test
    void exportsEveryKindAndAnExportImportsBackIntoAnEmptyStore(@TempDir Path dir) throws Exception {
        assertThat(run("demo", "--store", "memory", "--port", "0").code()).isZero();
        RecordingRuntime target = new RecordingRuntime();
        for (String kind : List.of("accelerator-types", "regions", "data-centers", "skus", "batches", "orders")) {
            Path file = dir.resolve(kind + ".csv");
            Result exported = run("export", kind, "--store", "memory", "--output", file.toString());
            assertThat(exported.code()).as(exported.err()).isZero();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = new FleetplanCli(target, CLOCK, Map.of(), dir).run(new String[] {"import", kind,
                    file.toString(), "--store", "memory"}, new PrintWriter(out), new PrintWriter(err));
            assertThat(code).as("%s: %s", kind, err).isZero();
            assertThat(out.toString()).startsWith("imported ");
        }
        assertThat(target.services.regions().dataCenters(null)).isEqualTo(runtime.services.regions().dataCenters(null)
                .stream().map(d -> new DataCenterView(d.id(), d.region(), d.name(), d.powerCapacityKw(),
                        d.powerInUseKw(), d.powerHeadroomKw(), d.throughputPerWeek(), d.serversByStage(),
                        d.undeployed(), target.services.regions().dataCenter(d.id()).version())).toList());
        assertThat(target.services.orders().pools()).extracting(PoolView::id, PoolView::capacity)
                .isEqualTo(runtime.services.orders().pools().stream()
                        .map(p -> org.assertj.core.groups.Tuple.tuple(p.id(), p.capacity())).toList());
        Result spend = run("export", "spend", "--store", "memory");
        assertThat(spend.out().lines()).first().isEqualTo("commitment,quarter,amount,category,batch,note");
        assertThat(spend.out().lines()).hasSize(13);
    }

    @Test
    void aMalformedFileImportsNothingAndNamesTheLine(@TempDir Path dir) throws Exception {
        Path regions = dir.resolve("regions.csv");
        Files.writeString(regions, "id,name\ncn-hangzhou,Hangzhou\nNOT A REGION,Bad\ncn-beijing,Beijing\n");
        Result bad = run("import", "regions", regions.toString(), "--store", "memory");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().lines()).hasSize(1);
        assertThat(bad.err()).contains("line 3").contains("nothing imported");
        assertThat(runtime.services.regions().regions()).isEmpty();

        Path centres = dir.resolve("dc.csv");
        Files.writeString(centres, "id,name\ncn-hangzhou,Hangzhou\n");
        assertThat(run("import", "regions", centres.toString(), "--store", "memory").code()).isZero();
        Path dcs = dir.resolve("data-centers.csv");
        Files.writeString(dcs, "id,region,name,power_capacity_kw,throughput_per_week\n"
                + "hz-a,cn-hangzhou,Hangzhou A,1000,10\nbj-a,cn-beijing,Beijing A,1000,10\n");
        Result refused = run("import", "data-centers", dcs.toString(), "--store", "memory");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("line 3").contains("cn-beijing");
        assertThat(runtime.services.regions().dataCenters(null)).as("the valid first row was undone too").isEmpty();

        Files.writeString(dcs, "id,region,name,power_capacity_kw,throughput_per_week\n"
                + "hz-a,cn-hangzhou,Hangzhou A,lots,10\n\"hz-b,cn-hangzhou\n");
        Result unparsable = run("import", "data-centers", dcs.toString(), "--store", "memory");
        assertThat(unparsable.code()).isEqualTo(1);
        assertThat(unparsable.err().lines()).hasSize(1);
        Result unknownKind = run("import", "planets", dcs.toString(), "--store", "memory");
        assertThat(unknownKind.code()).isEqualTo(2);
        Result missing = run("import", "regions", dir.resolve("nope.csv").toString(), "--store", "memory");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void aLargeImportReportsProgressAndCounts(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("id,vendor,memory_gib\n");
        for (int i = 0; i < 1200; i++) {
            csv.append("ACC").append(i).append(",Vendor,80\n");
        }
        Path file = dir.resolve("types.csv");
        Files.writeString(file, csv);
        Result r = run("import", "accelerator-types", file.toString(), "--store", "memory");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("imported 500 of 1200 rows", "imported 1200 of 1200 rows");
        assertThat(r.out()).contains("imported 1200 rows: accelerator-types 1200");
        assertThat(runtime.services.fleet().acceleratorTypes()).hasSize(1200);
    }
}
