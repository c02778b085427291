package io.fleetplan.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.fleetplan.adapters.http.Endpoints;
import io.fleetplan.adapters.http.HttpApi;
import io.fleetplan.adapters.http.HttpSettings;
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
import io.fleetplan.application.port.in.region.ChangeDataCenter;
import io.fleetplan.application.port.in.region.RegionQueries;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;

/** The HTTP adapter over the use cases of the application module it is installed beside (a child injector). */
final class HttpModule extends AbstractModule {
    private final HttpSettings settings;

    HttpModule(HttpSettings settings) {
        this.settings = settings;
    }

    @Provides
    @Singleton
    @SuppressWarnings("checkstyle:ParameterNumber")
    Endpoints endpoints(RegisterRegion registerRegion, RegisterDataCenter registerDataCenter,
                        ChangeDataCenter changeDataCenter, RegionQueries regionQueries,
                        RegisterAcceleratorType registerAcceleratorType, RegisterServerSku registerServerSku,
                        OrderServerBatch orderServerBatch, AdvancePipeline advancePipeline, FleetQueries fleetQueries,
                        SubmitOrder submitOrder, CancelOrder cancelOrder, ReleaseOrder releaseOrder,
                        SetReservation setReservation, SetPoolPolicy setPoolPolicy, OrderQueries orderQueries,
                        CreateCommitment createCommitment, AddTranche addTranche, RecordSpend recordSpend,
                        AmendCommitment amendCommitment, CapexQueries capexQueries, ListEvents listEvents,
                        ManageTokens manageTokens, ManageScenarios manageScenarios, RunPlans runPlans) {
        return new Endpoints(registerRegion, registerDataCenter, changeDataCenter, regionQueries,
                registerAcceleratorType, registerServerSku, orderServerBatch, advancePipeline, fleetQueries,
                submitOrder, cancelOrder, releaseOrder, setReservation, setPoolPolicy, orderQueries, createCommitment,
                addTranche, recordSpend, amendCommitment, capexQueries, listEvents, manageTokens, manageScenarios,
                runPlans);
    }

    @Provides
    @Singleton
    HttpApi httpApi(Endpoints endpoints) {
        return new HttpApi(endpoints, settings);
    }
}
