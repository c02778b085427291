package io.fleetplan.bootstrap.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of DESIGN.md and STYLE.md, each a rule that can be checked against any set of classes. */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_DEPENDS_ON_JAVA_ONLY = classes()
            .that().resideInAPackage("io.fleetplan.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.fleetplan.domain..", "java..")
            .as("the domain depends on nothing but itself and the JDK");

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_VALIDATION_ONLY = classes()
            .that().resideInAPackage("io.fleetplan.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.fleetplan.application..",
                    "io.fleetplan.domain..", "java..", "jakarta.validation..", "jakarta.inject..")
            .as("the application depends only on the domain, the JDK, jakarta.validation and jakarta.inject");

    static final ArchRule IN_PORTS_DO_NOT_USE_OUT_PORTS = noClasses()
            .that().resideInAPackage("io.fleetplan.application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("io.fleetplan.application.port.out..")
            .as("in-ports do not depend on out-ports");

    static final ArchRule OUT_PORTS_DO_NOT_USE_IN_PORTS = noClasses()
            .that().resideInAPackage("io.fleetplan.application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("io.fleetplan.application.port.in..")
            .as("out-ports do not depend on in-ports");

    static final ArchRule ADAPTERS_DO_NOT_REACH_SERVICES = noClasses()
            .that().resideInAPackage("io.fleetplan.adapters..")
            .should().dependOnClassesThat().resideInAPackage("io.fleetplan.application.service..")
            .as("adapters use the ports, never the service implementations");

    static final ArchRule ADAPTERS_DO_NOT_USE_EACH_OTHER = slices()
            .matching("io.fleetplan.adapters.(*)..")
            .should().notDependOnEachOther()
            .as("adapters talk to each other only through application ports");

    static final ArchRule JOOQ_ONLY_IN_THE_DATABASE_STORE = noClasses()
            .that().resideOutsideOfPackage("io.fleetplan.adapters.jooq..")
            .should().dependOnClassesThat().resideInAPackage("org.jooq..")
            .as("jOOQ appears only in the database store");

    static final ArchRule JAVALIN_ONLY_IN_HTTP = noClasses()
            .that().resideOutsideOfPackage("io.fleetplan.adapters.http..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .as("Javalin appears only in the HTTP adapter");

    static final ArchRule GUICE_ONLY_IN_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage("io.fleetplan.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .as("Guice appears only in bootstrap");

    /** jOOQ's generated schema classes refer to each other by design; they are generated, not written. */
    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("io.fleetplan.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                    "io.fleetplan.adapters.jooq.schema.."), com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
            .as("no cycles between packages (generated jOOQ schema classes aside)");

    static final ArchRule ONION = Architectures.onionArchitecture()
            .domainModels("io.fleetplan.domain..")
            .applicationServices("io.fleetplan.application..")
            .adapter("memory", "io.fleetplan.adapters.memory..")
            .adapter("jooq", "io.fleetplan.adapters.jooq..")
            .adapter("http", "io.fleetplan.adapters.http..")
            .adapter("cli", "io.fleetplan.adapters.cli..")
            .withOptionalLayers(true)
            .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("io.fleetplan.bootstrap.."),
                    com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
            .as("arrows point inwards: adapters -> application -> domain");
}
