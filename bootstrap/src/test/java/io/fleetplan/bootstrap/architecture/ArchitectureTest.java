package io.fleetplan.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.fleetplan.adapters.http.archviolation.HttpReachingAround;
import io.fleetplan.adapters.memory.archviolation.MemoryUsingJavalin;
import io.fleetplan.application.archviolation.ServiceUsingGuice;
import io.fleetplan.application.port.in.archviolation.InPortUsingOutPort;
import io.fleetplan.application.port.out.archviolation.OutPortUsingInPort;
import io.fleetplan.archviolation.cycle.a.Ping;
import io.fleetplan.archviolation.cycle.b.Pong;
import io.fleetplan.domain.archviolation.DomainUsingAStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.fleetplan.bootstrap.architecture.ArchitectureRules.ADAPTERS_DO_NOT_REACH_SERVICES;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.ADAPTERS_DO_NOT_USE_EACH_OTHER;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_AND_VALIDATION_ONLY;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.DOMAIN_DEPENDS_ON_JAVA_ONLY;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.GUICE_ONLY_IN_BOOTSTRAP;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.IN_PORTS_DO_NOT_USE_OUT_PORTS;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.JAVALIN_ONLY_IN_HTTP;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.JOOQ_ONLY_IN_THE_DATABASE_STORE;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.NO_PACKAGE_CYCLES;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.ONION;
import static io.fleetplan.bootstrap.architecture.ArchitectureRules.OUT_PORTS_DO_NOT_USE_IN_PORTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every architecture rule holds for the production classes of all modules, and fires on a seeded
 * violation (test classes placed in the packages the rule guards), so no rule is one that cannot fail.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fleetplan");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("domain", DOMAIN_DEPENDS_ON_JAVA_ONLY, new Class<?>[] {DomainUsingAStore.class}),
                Arguments.of("application", APPLICATION_DEPENDS_ON_DOMAIN_AND_VALIDATION_ONLY,
                        new Class<?>[] {ServiceUsingGuice.class}),
                Arguments.of("in-ports", IN_PORTS_DO_NOT_USE_OUT_PORTS, new Class<?>[] {InPortUsingOutPort.class}),
                Arguments.of("out-ports", OUT_PORTS_DO_NOT_USE_IN_PORTS, new Class<?>[] {OutPortUsingInPort.class}),
                Arguments.of("services", ADAPTERS_DO_NOT_REACH_SERVICES, new Class<?>[] {HttpReachingAround.class}),
                Arguments.of("adapters", ADAPTERS_DO_NOT_USE_EACH_OTHER, new Class<?>[] {HttpReachingAround.class,
                        io.fleetplan.adapters.memory.InMemoryStores.class}),
                Arguments.of("jooq", JOOQ_ONLY_IN_THE_DATABASE_STORE, new Class<?>[] {HttpReachingAround.class}),
                Arguments.of("javalin", JAVALIN_ONLY_IN_HTTP, new Class<?>[] {MemoryUsingJavalin.class}),
                Arguments.of("guice", GUICE_ONLY_IN_BOOTSTRAP, new Class<?>[] {ServiceUsingGuice.class}),
                Arguments.of("cycles", NO_PACKAGE_CYCLES, new Class<?>[] {Ping.class, Pong.class}),
                Arguments.of("onion", ONION, new Class<?>[] {DomainUsingAStore.class,
                        io.fleetplan.application.port.out.Stores.class}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleHoldsForTheProductionCode(String name, ArchRule rule, Class<?>[] violation) {
        assertThat(production.size()).as("production classes imported").isGreaterThan(50);
        rule.check(production);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleFiresOnASeededViolation(String name, ArchRule rule, Class<?>[] violation) {
        JavaClasses seeded = new ClassFileImporter().importClasses(violation);
        assertThatThrownBy(() -> rule.check(seeded)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("was violated");
    }
}
