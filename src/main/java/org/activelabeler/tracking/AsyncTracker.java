package org.activelabeler.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends tracking records on one background thread, which alone uses the sink. Records keep their
 * order: while anything waits in the outbox, new records join it, and the outbox is sent first
 * when the server answers again (checked at most every {@link #RETRY_INTERVAL}). Without a sink,
 * every record goes to the outbox.
 */
public final class AsyncTracker implements ExperimentTracker {
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AsyncTracker.class);

    private final TrackingSink sink;
    private final TrackingOutbox outbox;
    private final Duration closeTimeout;
    private final BlockingQueue<Optional<TrackingEvent>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;
    private boolean outboxMayHoldRecords = true;
    private long nextAttemptNanos = System.nanoTime();
    private volatile BiConsumer<RunRef, String> runLinks = (run, link) -> { };

    /** @param sink where records go, or {@code null} to keep them all in the outbox */
    public AsyncTracker(TrackingSink sink, TrackingOutbox outbox, Duration closeTimeout) {
        this.sink = sink;
        this.outbox = outbox;
        this.closeTimeout = closeTimeout;
        this.worker = new Thread(this::work, "tracking");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void record(TrackingEvent event) {
        if (closed) {
            throw new IllegalStateException("The tracker is closed");
        }
        queue.add(Optional.of(event));
    }

    /**
     * Hears, on the tracking thread, the browser address of each run once the server has it (only
     * for runs sent directly, not from the outbox). The listener must not block.
     */
    public void onRunLink(BiConsumer<RunRef, String> listener) {
        runLinks = listener;
    }

    @Override
    public int waiting() {
        return outbox.count();
    }

    private void work() {
        try {
            while (true) {
                Optional<TrackingEvent> next = queue.take();
                if (next.isEmpty()) {
                    return;
                }
                deliver(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(TrackingEvent event) {
        if (sink == null || !outboxSent()) {
            keep(event);
            return;
        }
        try {
            sink.send(event);
            if (event instanceof RunStart start) {
                announce(start.run());
            }
        } catch (TrackingException e) {
            LOG.warn("Tracking record kept in the outbox: {}", e.getMessage());
            keep(event);
            nextAttemptNanos = System.nanoTime() + RETRY_INTERVAL.toNanos();
        }
    }

    private void announce(RunRef run) {
        try {
            sink.runLink(run).ifPresent(link -> runLinks.accept(run, link));
        } catch (RuntimeException e) {
            LOG.warn("No link for the run {}: {}", run.key(), e.getMessage());
        }
    }

    /** Whether the outbox is empty, after trying to send it when the time has come. */
    private boolean outboxSent() {
        if (!outboxMayHoldRecords) {
            return true;
        }
        if (System.nanoTime() - nextAttemptNanos < 0) {
            return false;
        }
        if (outbox.count() > 0) {
            if (!sink.reachable()) {
                nextAttemptNanos = System.nanoTime() + RETRY_INTERVAL.toNanos();
                return false;
            }
            SyncResult result = new OutboxSender(sink, outbox).sendAll();
            if (result.waiting() > 0) {
                LOG.warn("{} tracking records still wait in the outbox: {}", result.waiting(), result.error());
                nextAttemptNanos = System.nanoTime() + RETRY_INTERVAL.toNanos();
                return false;
            }
        }
        outboxMayHoldRecords = false;
        return true;
    }

    private void keep(TrackingEvent event) {
        try {
            outbox.append(event);
            outboxMayHoldRecords = true;
        } catch (RuntimeException e) {
            LOG.error("Tracking record lost: the outbox could not store it ({}); record: {}", e.getMessage(), event, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(Optional.empty());
        try {
            worker.join(closeTimeout.toMillis());
            if (worker.isAlive()) {
                LOG.warn("Tracking did not finish within {} s; what is left goes to the outbox",
                        closeTimeout.toSeconds());
                worker.interrupt();
                worker.join(Duration.ofSeconds(5).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Optional<TrackingEvent>> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().flatMap(Optional::stream).forEach(this::keep);
        if (sink != null) {
            sink.close();
        }
    }
}
