package io.fleetplan.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.capex.AddTranche;
import io.fleetplan.application.port.in.capex.AmendCommitment;
import io.fleetplan.application.port.in.capex.CapexQueries;
import io.fleetplan.application.port.in.capex.CreateCommitment;
import io.fleetplan.application.port.in.capex.RecordSpend;
import io.fleetplan.application.port.in.events.ListEvents;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.fleet.FleetQueries;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.gpu.CancelOrder;
import io.fleetplan.application.port.in.gpu.OrderQueries;
import io.fleetplan.application.port.in.gpu.ReleaseOrder;
import io.fleetplan.application.port.in.gpu.SetPoolPolicy;
import io.fleetplan.application.port.in.gpu.SetReservation;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.port.in.planning.ManageScenarios;
import io.fleetplan.application.port.in.planning.RunPlans;
import io.fleetplan.application.port.in.records.ImportRecords;
import io.fleetplan.application.port.in.region.ChangeDataCenter;
import io.fleetplan.application.port.in.region.RegionQueries;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.ApplicationServices;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.time.Clock;

/**
 * The application services and every use-case interface, built in {@code @Provides} methods over
 * whichever store module is installed beside this one. No I/O happens here until a use case is
 * first asked for.
 */
public final class ApplicationModule extends AbstractModule {
    private final Clock clock;

    public ApplicationModule(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
    }

    @Provides
    @Singleton
    Clock clock() {
        return clock;
    }

    @Provides
    @Singleton
    Validator validator() {
        return new LazyValidator(() -> Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator());
    }

    @Provides
    @Singleton
    ApplicationServices services(Stores stores, Clock clock, Validator validator) {
        return new ApplicationServices(stores, clock, validator);
    }

    @Provides RegisterRegion registerRegion(ApplicationServices s) { return s.regions(); }
    @Provides RegisterDataCenter registerDataCenter(ApplicationServices s) { return s.regions(); }
    @Provides ChangeDataCenter changeDataCenter(ApplicationServices s) { return s.regions(); }
    @Provides RegionQueries regionQueries(ApplicationServices s) { return s.regions(); }
    @Provides RegisterAcceleratorType registerAcceleratorType(ApplicationServices s) { return s.fleet(); }
    @Provides RegisterServerSku registerServerSku(ApplicationServices s) { return s.fleet(); }
    @Provides OrderServerBatch orderServerBatch(ApplicationServices s) { return s.fleet(); }
    @Provides AdvancePipeline advancePipeline(ApplicationServices s) { return s.fleet(); }
    @Provides FleetQueries fleetQueries(ApplicationServices s) { return s.fleet(); }
    @Provides SubmitOrder submitOrder(ApplicationServices s) { return s.orders(); }
    @Provides CancelOrder cancelOrder(ApplicationServices s) { return s.orders(); }
    @Provides ReleaseOrder releaseOrder(ApplicationServices s) { return s.orders(); }
    @Provides SetReservation setReservation(ApplicationServices s) { return s.orders(); }
    @Provides SetPoolPolicy setPoolPolicy(ApplicationServices s) { return s.orders(); }
    @Provides OrderQueries orderQueries(ApplicationServices s) { return s.orders(); }
    @Provides CreateCommitment createCommitment(ApplicationServices s) { return s.capex(); }
    @Provides AddTranche addTranche(ApplicationServices s) { return s.capex(); }
    @Provides RecordSpend recordSpend(ApplicationServices s) { return s.capex(); }
    @Provides AmendCommitment amendCommitment(ApplicationServices s) { return s.capex(); }
    @Provides CapexQueries capexQueries(ApplicationServices s) { return s.capex(); }
    @Provides ListEvents listEvents(ApplicationServices s) { return s.events(); }
    @Provides ManageTokens manageTokens(ApplicationServices s) { return s.access(); }
    @Provides ManageScenarios manageScenarios(ApplicationServices s) { return s.planning(); }
    @Provides RunPlans runPlans(ApplicationServices s) { return s.planning(); }
    @Provides ImportRecords importRecords(ApplicationServices s) { return s.imports(); }
}
