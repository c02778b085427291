package io.fleetplan.adapters.http;

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

import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * The use cases the HTTP API exposes, one component per use-case interface (never a service
 * class). Bootstrap fills it from the application services; one object may serve several
 * components.
 */
public record Endpoints(
        RegisterRegion registerRegion,
        RegisterDataCenter registerDataCenter,
        ChangeDataCenter changeDataCenter,
        RegionQueries regionQueries,
        RegisterAcceleratorType registerAcceleratorType,
        RegisterServerSku registerServerSku,
        OrderServerBatch orderServerBatch,
        AdvancePipeline advancePipeline,
        FleetQueries fleetQueries,
        SubmitOrder submitOrder,
        CancelOrder cancelOrder,
        ReleaseOrder releaseOrder,
        SetReservation setReservation,
        SetPoolPolicy setPoolPolicy,
        OrderQueries orderQueries,
        CreateCommitment createCommitment,
        AddTranche addTranche,
        RecordSpend recordSpend,
        AmendCommitment amendCommitment,
        CapexQueries capexQueries,
        ListEvents listEvents,
        ManageTokens manageTokens,
        ManageScenarios manageScenarios,
        RunPlans runPlans) {

    public Endpoints {
        Object[] given = {registerRegion, registerDataCenter, changeDataCenter, regionQueries,
                registerAcceleratorType, registerServerSku, orderServerBatch, advancePipeline, fleetQueries,
                submitOrder, cancelOrder, releaseOrder, setReservation, setPoolPolicy, orderQueries,
                createCommitment, addTranche, recordSpend, amendCommitment, capexQueries, listEvents, manageTokens, manageScenarios, runPlans};
        RecordComponent[] components = Endpoints.class.getRecordComponents();
        for (int i = 0; i < given.length; i++) {
            Objects.requireNonNull(given[i], components[i].getName());
        }
    }
}
