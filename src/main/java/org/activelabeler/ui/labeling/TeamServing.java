package org.activelabeler.ui.labeling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final int NONE = -1;
    private static final int SKIPPED = -2;
    private static final int LOW = 5;
    /** After a batch came short (the pool is out, or others hold the rest) or failed, the next claim waits this long. */
    private static final long RETRY_NANOS = 10_000_000_000L;
    private final Function<String, TeamQueue> queues;
    private final Executor background;
    private final Executor uiThread;
    private final Runnable changed;
    private TeamQueue queue;
    private List<Long> claimed = List.of();
    /** Each claimed text's state in this window when its batch came: its label then, SKIPPED, or NONE. */
    private final Map<Long, Integer> stateAtClaim = new HashMap<>();
    private final Answers answers;
    private boolean claiming;
    private boolean claimedOnce;
    private String problem;
    private long retryAfter = Long.MIN_VALUE;

    TeamServing(Function<String, TeamQueue> queues, String annotator, Answers answers, Executor background,
                Executor uiThread, Runnable changed) {
        this.answers = answers;
        this.queues = queues;
        this.queue = queues.apply(annotator);
        this.background = background;
        this.uiThread = uiThread;
        this.changed = changed;
    }

    /**
     * Up to {@code limit} of the claimed texts this annotator has not answered since they were claimed, in
     * order; claims more in the background when few are left. A text of the overlap that another annotator
     * labeled counts as open here: this annotator labels it too, without being shown the other's label.
     */
    List<Long> next(int limit) {
        List<Long> open = new ArrayList<>(limit);
        int stillOpen = 0;
        for (long id : claimed) {
            if (untouched(id)) {
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

    /** Whether {@code id} carries another annotator's label that this one should not be shown (the overlap). */
    boolean hidesLabel(long id) {
        Integer then = stateAtClaim.get(id);
        return then != null && then >= 0 && untouched(id);
    }

    private boolean untouched(long id) {
        Integer then = stateAtClaim.get(id);
        return then != null && then.equals(state(id));
    }

    private int state(long id) {
        Integer label = answers.labels().get(id);
        return label != null ? label : answers.isSkipped(id) ? SKIPPED : NONE;
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
        retryAfter = Long.MIN_VALUE;
        claimMore();
    }

    /** Claims a batch in the background, unless one is on its way or a short batch came less than 10 s ago. */
    void claimMore() {
        if (claiming || retryAfter != Long.MIN_VALUE && System.nanoTime() - retryAfter < 0) {
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
        retryAfter = got == null || got.size() < BATCH ? System.nanoTime() + RETRY_NANOS : Long.MIN_VALUE;
        if (got != null) {
            stateAtClaim.keySet().retainAll(got);
            for (long id : got) {
                // a text answered here after the claim was asked for keeps its earlier state: still answered
                stateAtClaim.putIfAbsent(id, state(id));
            }
            claimed = got;
            claimedOnce = true;
        }
        changed.run();
    }
}
