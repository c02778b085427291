package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.in.gpu.CancelOrder;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.service.ApplicationServices;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.DomainException;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * The process the kill tests kill: opens a store built by the test (H2 directory or PostgreSQL
 * URL), then submits (and now and then cancels) orders from several threads until it is killed,
 * printing {@code ACK <order id>} on standard output once each submission has returned, that is,
 * once its transaction has committed.
 */
public final class OrderWriterMain {
    private OrderWriterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DatabaseStores store = args[0].equals("h2") ? DatabaseStores.h2(Path.of(args[1]))
                : DatabaseStores.postgres(args[1], PostgresCluster.user(), "");
        ApplicationServices services = TestFleet.services(store.stores());
        System.out.println("READY");
        System.out.flush();
        int threads = 4;
        CountDownLatch never = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> write(services, new SplittableRandom(thread), thread));
            worker.setDaemon(true);
            worker.start();
        }
        never.await();
    }

    private static void write(ApplicationServices services, SplittableRandom random, int thread) {
        WorkloadClass[] tiers = WorkloadClass.values();
        for (int i = 0; ; i++) {
            try {
                String accelerator = TestFleet.ACCELERATORS.get(random.nextInt(TestFleet.ACCELERATORS.size()));
                OrderView view = services.orders().submit(TestFleet.OPERATOR, new SubmitOrder.Command(TestFleet.REGION,
                        accelerator, "tenant-" + thread, tiers[random.nextInt(tiers.length)].name(),
                        1 + random.nextInt(16), "w" + thread + "-" + i));
                synchronized (System.out) {
                    System.out.println("ACK " + view.id());
                    System.out.flush();
                }
                if (random.nextInt(5) == 0) {
                    services.orders().cancel(TestFleet.OPERATOR, new CancelOrder.Command(view.id(), "changed plans"));
                }
            } catch (DomainException e) {
                // a rule refused it; carry on
            }
        }
    }
}
