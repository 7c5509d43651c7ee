package org.activelabeler.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsyncTrackerTest {
    private static final RunRef RUN = new RunRef("exp", "key-1");

    @Test
    void sendsInOrderOffTheCallingThread() {
        FakeSink sink = new FakeSink();
        MemoryOutbox outbox = new MemoryOutbox();
        try (AsyncTracker tracker = new AsyncTracker(sink, outbox, Duration.ofSeconds(10))) {
            events().forEach(tracker::record);
        }
        assertThat(sink.sent).containsExactlyElementsOf(events());
        assertThat(sink.threads).containsOnly("tracking");
        assertThat(outbox.count()).isZero();
    }

    @Test
    void keepsEverythingInTheOutboxInOrderWhenTheServerFailsThenSendsItOnTheNextStart() {
        FakeSink sink = new FakeSink();
        sink.up = false;
        MemoryOutbox outbox = new MemoryOutbox();
        try (AsyncTracker tracker = new AsyncTracker(sink, outbox, Duration.ofSeconds(10))) {
            events().forEach(tracker::record);
        }
        assertThat(sink.sent).isEmpty();
        assertThat(outbox.after(0, 100)).extracting(OutboxEntry::event).containsExactlyElementsOf(events());

        sink.up = true;
        RunEnd later = new RunEnd(RUN, RunEnd.FINISHED, 9);
        try (AsyncTracker tracker = new AsyncTracker(sink, outbox, Duration.ofSeconds(10))) {
            tracker.record(later);
        }
        List<TrackingEvent> expected = new ArrayList<>(events());
        expected.add(later);
        assertThat(sink.sent).containsExactlyElementsOf(expected);
        assertThat(outbox.count()).isZero();
    }

    @Test
    void withoutASinkEverythingWaitsInTheOutbox() {
        MemoryOutbox outbox = new MemoryOutbox();
        try (AsyncTracker tracker = new AsyncTracker(null, outbox, Duration.ofSeconds(10))) {
            events().forEach(tracker::record);
            tracker.close();
            assertThat(tracker.waiting()).isEqualTo(3);
        }
    }

    private static List<TrackingEvent> events() {
        return List.of(new RunStart(RUN, null, "run", 1, Map.of("seed", "1"), Map.of(), List.of(), null),
                new RunData(RUN, List.of(new MetricPoint("holdout_accuracy", 0.5, 10, 2)), List.of()),
                new RunEnd(RUN, RunEnd.FINISHED, 3));
    }

    private static final class FakeSink implements TrackingSink {
        final List<TrackingEvent> sent = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        volatile boolean up = true;

        @Override
        public String address() {
            return "fake";
        }

        @Override
        public boolean reachable() {
            return up;
        }

        @Override
        public void send(TrackingEvent event) {
            if (!up) {
                throw new TrackingException("down");
            }
            sent.add(event);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void close() {
        }
    }

    static final class MemoryOutbox implements TrackingOutbox {
        private final List<OutboxEntry> entries = new ArrayList<>();
        private long seq;

        @Override
        public synchronized void append(TrackingEvent event, String target) {
            entries.add(new OutboxEntry(++seq, event, target));
        }

        @Override
        public synchronized List<OutboxEntry> after(long afterSeq, int limit) {
            return entries.stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
        }

        @Override
        public synchronized int retarget(String from, String to) {
            int changed = 0;
            for (int i = 0; i < entries.size(); i++) {
                OutboxEntry e = entries.get(i);
                if (from.equals(e.target())) {
                    entries.set(i, new OutboxEntry(e.seq(), e.event(), to));
                    changed++;
                }
            }
            return changed;
        }

        @Override
        public synchronized void remove(long number) {
            entries.removeIf(e -> e.seq() == number);
        }

        @Override
        public void recordFailure(long number, String error) {
        }

        @Override
        public synchronized int count() {
            return entries.size();
        }
    }
}
