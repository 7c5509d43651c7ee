package org.activelabeler.ui.team;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.activelabeler.labeling.RoundRecord;

/**
 * On a team's database, looks every few seconds (on a background executor) for rounds that another client
 * ran, and hands each new one to the window once: its row in the rounds list and a notice. The queue such a
 * round ranked serves from the next batch of claimed texts on.
 */
public final class TeamRoundWatch {
    private final Supplier<List<RoundRecord>> rounds;
    private final Executor background;
    private final Executor uiThread;
    private final Consumer<RoundRecord> arrived;
    private Runnable everyLook = () -> { };
    private final Set<Long> known = ConcurrentHashMap.newKeySet();
    private final Duration every;
    private Timeline timeline;
    private volatile boolean looking;

    public TeamRoundWatch(Supplier<List<RoundRecord>> rounds, List<RoundRecord> seen, Executor background,
                          Executor uiThread, Consumer<RoundRecord> arrived, Duration every) {
        this.rounds = rounds;
        this.background = background;
        this.uiThread = uiThread;
        this.arrived = arrived;
        this.every = every;
        seen.forEach(round -> known.add(round.id()));
    }

    /** Also runs {@code tick} on the JavaFX thread at every look (the window asks for texts again then). */
    public void alsoEveryLook(Runnable tick) {
        everyLook = tick;
    }

    /** A round this window ran: not someone else's. */
    public void known(long roundId) {
        known.add(roundId);
    }

    /** Looks every {@code every} on the JavaFX thread's timer until {@link #stop}. */
    public void start() {
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(every, e -> {
                everyLook.run();
                look();
            }));
            timeline.setCycleCount(Timeline.INDEFINITE);
        }
        timeline.play();
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
        }
    }

    /** Reads the rounds once and hands over the new ones. */
    public void look() {
        if (looking) {
            return;
        }
        looking = true;
        background.execute(() -> {
            try {
                List<RoundRecord> fresh = rounds.get().stream().filter(round -> !known.contains(round.id())).toList();
                uiThread.execute(() -> fresh.forEach(round -> {
                    if (known.add(round.id())) {
                        arrived.accept(round);
                    }
                }));
            } catch (RuntimeException e) {
                // the next look tries again; a lost connection shows where the window next writes
            } finally {
                looking = false;
            }
        });
    }
}
