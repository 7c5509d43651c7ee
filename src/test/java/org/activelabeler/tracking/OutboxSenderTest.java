package org.activelabeler.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboxSenderTest {
    private static final RunRef REFUSED = new RunRef("exp", "refused");
    private static final RunRef FINE = new RunRef("exp", "fine");

    @Test
    void aRefusedRecordHoldsBackTheLaterRecordsOfItsRunOnly() {
        AsyncTrackerTest.MemoryOutbox outbox = new AsyncTrackerTest.MemoryOutbox();
        outbox.append(start(REFUSED), "here");
        outbox.append(start(FINE), "here");
        outbox.append(end(REFUSED), "here");
        outbox.append(end(FINE), "here");
        RefusingSink sink = new RefusingSink(Set.of(REFUSED.key()));

        SyncResult result = new OutboxSender(sink, outbox).sendAll();

        assertThat(sink.sent).containsExactly(start(FINE), end(FINE));
        assertThat(sink.attempts).as("the refused run's later record is not tried").isEqualTo(3);
        assertThat(result.sent()).isEqualTo(2);
        assertThat(result.waiting()).isEqualTo(2);
        assertThat(result.blocked()).singleElement().satisfies(e -> assertThat(e.event()).isEqualTo(start(REFUSED)));
        assertThat(result.blockedRuns()).containsExactly(REFUSED.key());
        assertThat(result.unreachable()).isFalse();
    }

    @Test
    void recordsMadeForAnotherServerStayAndAreCounted() {
        AsyncTrackerTest.MemoryOutbox outbox = new AsyncTrackerTest.MemoryOutbox();
        outbox.append(start(FINE), "elsewhere");
        outbox.append(end(FINE), null);
        RefusingSink sink = new RefusingSink(Set.of());

        SyncResult result = new OutboxSender(sink, outbox).sendAll();

        assertThat(sink.sent).as("a record made for no server in particular goes anywhere").containsExactly(end(FINE));
        assertThat(result.elsewhere()).isEqualTo(Map.of("elsewhere", 1));
        assertThat(result.waiting()).isEqualTo(1);
        assertThat(result.waitingHere()).isZero();
    }

    @Test
    void sendingStopsWhenTheServerStopsAnswering() {
        AsyncTrackerTest.MemoryOutbox outbox = new AsyncTrackerTest.MemoryOutbox();
        outbox.append(start(FINE), "here");
        outbox.append(start(REFUSED), "here");
        RefusingSink sink = new RefusingSink(Set.of(FINE.key()));
        sink.answering = false;

        SyncResult result = new OutboxSender(sink, outbox).sendAll();

        assertThat(result.unreachable()).isTrue();
        assertThat(sink.attempts).isEqualTo(1);
        assertThat(result.waiting()).isEqualTo(2);
    }

    private static RunStart start(RunRef run) {
        return new RunStart(run, null, run.key(), 1, Map.of(), Map.of(), List.of(), null);
    }

    private static RunEnd end(RunRef run) {
        return new RunEnd(run, RunEnd.FINISHED, 2);
    }

    /** Refuses every record of the given runs, as a server that answers but will not take them. */
    private static final class RefusingSink implements TrackingSink {
        private final Set<String> refusedRuns;
        final List<TrackingEvent> sent = new ArrayList<>();
        int attempts;
        boolean answering = true;

        RefusingSink(Set<String> refusedRuns) {
            this.refusedRuns = refusedRuns;
        }

        @Override
        public String address() {
            return "here";
        }

        @Override
        public boolean reachable() {
            return answering;
        }

        @Override
        public void send(TrackingEvent event) {
            attempts++;
            if (refusedRuns.contains(event.run().key())) {
                throw new TrackingException("refused");
            }
            sent.add(event);
        }

        @Override
        public void close() {
        }
    }
}
