package org.activelabeler.ui.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.activelabeler.team.TeamQueue;

/**
 * The texts a team's annotator is served in the window: a batch claimed for them ({@link TeamQueue}, in the
 * dataset's queue order, none that another annotator holds or labeled outside the overlap), claimed again
 * on the text reader's thread when few are left, so that a key press never waits for the server. Each new
 * batch reads the queue afresh, so a round another client ran serves here from the next batch on.
 */
final class TeamServing {
    static final int BATCH = 20;
    private static final int LOW = 5;
    private final Function<String, TeamQueue> queues;
    private final Executor background;
    private final Executor uiThread;
    private final Runnable changed;
    private TeamQueue queue;
    private List<Long> claimed = List.of();
    private boolean claiming;
    private boolean claimedOnce;
    private String problem;

    TeamServing(Function<String, TeamQueue> queues, String annotator, Executor background, Executor uiThread,
                Runnable changed) {
        this.queues = queues;
        this.queue = queues.apply(annotator);
        this.background = background;
        this.uiThread = uiThread;
        this.changed = changed;
    }

    /** Up to {@code limit} of the claimed texts still open, in order; claims more in the background when few are. */
    List<Long> next(int limit, Answers answers) {
        List<Long> open = new ArrayList<>(limit);
        int stillOpen = 0;
        for (long id : claimed) {
            if (answers.isOpen(id)) {
                stillOpen++;
                if (open.size() < limit) {
                    open.add(id);
                }
            }
        }
        if (stillOpen < LOW) {
            claimMore();
        }
        return open;
    }

    /** Whether the first batch came (before it, an empty list means "waiting", not "done"). */
    boolean ready() {
        return claimedOnce;
    }

    /** Why claiming failed last, or null. */
    String problem() {
        return problem;
    }

    void changeAnnotator(String annotator) {
        queue = queues.apply(annotator);
        claimed = List.of();
        claimMore();
    }

    void claimMore() {
        if (claiming) {
            return;
        }
        claiming = true;
        TeamQueue asking = queue;
        background.execute(() -> {
            try {
                List<Long> got = asking.next(BATCH);
                uiThread.execute(() -> done(asking, got, null));
            } catch (RuntimeException e) {
                uiThread.execute(() -> done(asking, null, e.getMessage()));
            }
        });
    }

    private void done(TeamQueue asked, List<Long> got, String failure) {
        claiming = false;
        if (asked != queue) {
            claimMore();
            return;
        }
        problem = failure;
        if (got != null) {
            claimed = got;
            claimedOnce = true;
        }
        changed.run();
    }
}
