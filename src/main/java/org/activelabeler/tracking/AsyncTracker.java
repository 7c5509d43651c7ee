package org.activelabeler.tracking;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands tracking records to the server without making anyone wait for it. {@link #record} writes the
 * record to the outbox (durable when it returns: a killed process loses no record), and one
 * background thread, which alone uses the sink, sends the outbox oldest first and removes what the
 * server took. While the server does not answer, records wait and sending is tried again at most
 * every {@link #RETRY_INTERVAL}. A run whose record the server refuses keeps its later records in
 * the outbox ({@code sync} shows it) and is not tried again while this tracker runs; other runs go on.
 * Without a sink, every record waits in the outbox.
 */
public final class AsyncTracker implements ExperimentTracker {
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AsyncTracker.class);

    private final TrackingSink sink;
    private final TrackingOutbox outbox;
    private final Duration closeTimeout;
    private final Semaphore wake = new Semaphore(0);
    private final Thread worker;
    private final Set<String> refusedRuns = new HashSet<>();
    private volatile boolean closed;
    private volatile BiConsumer<RunRef, String> runLinks = (run, link) -> { };
    private long nextAttemptNanos = System.nanoTime();

    /** @param sink where records go, or {@code null} to keep them all in the outbox */
    public AsyncTracker(TrackingSink sink, TrackingOutbox outbox, Duration closeTimeout) {
        this.sink = sink;
        this.outbox = outbox;
        this.closeTimeout = closeTimeout;
        this.worker = new Thread(this::work, "tracking");
        worker.setDaemon(true);
        if (sink != null) {
            worker.start();
        }
    }

    /** Stores the record in the outbox (durably) and lets the tracking thread send it. */
    @Override
    public void record(TrackingEvent event) {
        if (closed) {
            throw new IllegalStateException("The tracker is closed");
        }
        try {
            outbox.append(event, sink == null ? null : sink.target());
        } catch (RuntimeException e) {
            LOG.error("Tracking record lost: the outbox could not store it ({}); record: {}", e.getMessage(), event, e);
            return;
        }
        wake.release();
    }

    /**
     * Hears, on the tracking thread, the browser address of each run once the server has it. The
     * listener must not block.
     */
    public void onRunLink(BiConsumer<RunRef, String> listener) {
        runLinks = listener;
    }

    @Override
    public int waiting() {
        return outbox.count();
    }

    private void work() {
        boolean pending = true;
        try {
            while (true) {
                pending |= woken();
                boolean closing = closed;
                if (pending && (closing || System.nanoTime() - nextAttemptNanos >= 0)) {
                    pending = !sendOutbox();
                }
                if (closing) {
                    return;
                }
                if (!pending) {
                    wake.acquire();
                    pending = true;
                } else {
                    long wait = nextAttemptNanos - System.nanoTime();
                    pending |= wait > 0 && wake.tryAcquire(wait, TimeUnit.NANOSECONDS);
                }
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a record came (or close was asked) since the last look. */
    private boolean woken() {
        return wake.drainPermits() > 0;
    }

    /** One pass over the outbox; false when the server did not answer, so that it is tried again later. */
    private boolean sendOutbox() {
        if (outbox.count() == 0) {
            return true;
        }
        if (!sink.reachable()) {
            LOG.warn("The MLflow server at {} does not answer; {} tracking records wait in the outbox",
                    sink.address(), outbox.count());
            nextAttemptNanos = System.nanoTime() + RETRY_INTERVAL.toNanos();
            return false;
        }
        SyncResult result = new OutboxSender(sink, outbox).skipping(refusedRuns).onSent(this::announce).sendAll();
        if (result.unreachable()) {
            LOG.warn("Tracking records kept in the outbox: {}", result.error());
            nextAttemptNanos = System.nanoTime() + RETRY_INTERVAL.toNanos();
            return false;
        }
        if (!result.blocked().isEmpty()) {
            LOG.warn("The MLflow server refused a record of {} run(s); their later records wait in the outbox"
                    + " (`active-labeler sync` shows them): {}", result.blocked().size(), result.error());
            refusedRuns.addAll(result.blockedRuns());
        }
        return true;
    }

    private void announce(TrackingEvent sent) {
        if (!(sent instanceof RunStart start)) {
            return;
        }
        try {
            sink.runLink(start.run()).ifPresent(link -> runLinks.accept(start.run(), link));
        } catch (RuntimeException e) {
            LOG.warn("No link for the run {}: {}", start.run().key(), e.getMessage());
        }
    }

    /**
     * Sends what the outbox holds for the server, waiting at most the close timeout; whatever is not
     * sent by then stays in the outbox for the next start or {@code sync}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        wake.release();
        try {
            if (sink != null) {
                worker.join(closeTimeout.toMillis());
                if (worker.isAlive()) {
                    LOG.warn("Tracking did not finish within {} s; {} records wait in the outbox",
                            closeTimeout.toSeconds(), outbox.count());
                    worker.interrupt();
                    worker.join(Duration.ofSeconds(5).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }
}
