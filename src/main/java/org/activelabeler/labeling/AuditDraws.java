package org.activelabeler.labeling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;

/**
 * The audit share of the two-speed loop in the queue an annotator is served: at fixed slots (with a
 * share of 0.1, every 10th review asked) a review drawn uniformly at random from the open ones comes
 * instead of the ranking's next, so that the models can be judged on labels no ranking chose. Slots
 * count the labels given, so they stay put across retrains and restarts. A draw is recorded in the
 * store when it first takes a slot, and keeps coming first at audit slots until it is labeled or skipped.
 */
public final class AuditDraws {
    private static final int DRAW_ATTEMPTS = 64;
    private final LabelStore store;
    private final long datasetId;
    private final long[] reviewIds;
    private final Set<Long> drawn;
    private SplittableRandom random;
    private int every;

    /** @param drawn the dataset's draws so far, in the order drawn */
    public AuditDraws(LabelStore store, long datasetId, long[] reviewIds, Set<Long> drawn) {
        this.store = store;
        this.datasetId = datasetId;
        this.reviewIds = reviewIds;
        this.drawn = new LinkedHashSet<>(drawn);
    }

    /** Mixes draws into {@code share} of the slots from now on; none with a share of 0. */
    public void mixIn(double share, long seed) {
        if (share < 0 || share >= 1) {
            throw new IllegalArgumentException("The audit share must be in [0, 1), was " + share);
        }
        every = share == 0 ? 0 : (int) Math.max(1, Math.round(1 / share));
        if (random == null) {
            random = new SplittableRandom(seed);
        }
    }

    /** Serves the ranking alone again; the draws so far stay recorded. */
    public void stop() {
        every = 0;
    }

    /** Whether the review was drawn at random, while draws are mixed in. */
    public boolean isDraw(long reviewId) {
        return every > 0 && drawn.contains(reviewId);
    }

    /**
     * The next reviews to ask, audit draws at their slots.
     *
     * @param firstSlot the slot of the first: the number of labels given so far
     * @param askable whether a review is neither labeled nor skipped
     * @param ranking the next {@code n} reviews as the ranking orders them
     */
    public List<Long> next(int limit, int firstSlot, LongPredicate askable, IntFunction<List<Long>> ranking) {
        if (every == 0) {
            return ranking.apply(limit);
        }
        Deque<Long> pending = new ArrayDeque<>();
        drawn.stream().filter(askable::test).forEach(pending::add);
        // pending draws wait for their audit slots, and nothing is placed twice
        Set<Long> taken = new HashSet<>(pending);
        Deque<Long> ranked = new ArrayDeque<>(ranking.apply(limit + pending.size()));
        List<Long> next = new ArrayList<>(limit);
        List<Long> fresh = new ArrayList<>();
        for (int slot = firstSlot; next.size() < limit; slot++) {
            Long id = null;
            if ((slot + 1) % every == 0) {
                id = pending.poll();
                if (id == null) {
                    id = draw(askable, taken);
                    if (id != null) {
                        fresh.add(id);
                    }
                }
            }
            if (id == null) {
                id = nextRanked(ranked, taken);
            }
            if (id == null) {
                id = pending.poll();
            }
            if (id == null) {
                break;
            }
            taken.add(id);
            next.add(id);
        }
        if (!fresh.isEmpty()) {
            store.recordAuditDraws(datasetId, fresh);
        }
        return next;
    }

    private static Long nextRanked(Deque<Long> ranked, Set<Long> taken) {
        while (!ranked.isEmpty()) {
            Long id = ranked.poll();
            if (!taken.contains(id)) {
                return id;
            }
        }
        return null;
    }

    /**
     * A review drawn uniformly from the askable ones neither drawn nor taken yet; null when there is none.
     * Draws by position and tries again when the review is not open, which is uniform over the open ones
     * and costs a few tries while most of the pool is open, instead of a pass over the whole pool (the UI
     * thread asks at every key press); only when many tries miss does it list the open ones.
     */
    private Long draw(LongPredicate askable, Set<Long> taken) {
        for (int attempt = 0; attempt < DRAW_ATTEMPTS && reviewIds.length > 0; attempt++) {
            long id = reviewIds[random.nextInt(reviewIds.length)];
            if (isOpen(id, askable, taken)) {
                drawn.add(id);
                return id;
            }
        }
        long[] open = Arrays.stream(reviewIds).filter(id -> isOpen(id, askable, taken)).toArray();
        if (open.length == 0) {
            return null;
        }
        long id = open[random.nextInt(open.length)];
        drawn.add(id);
        return id;
    }

    private boolean isOpen(long id, LongPredicate askable, Set<Long> taken) {
        return askable.test(id) && !drawn.contains(id) && !taken.contains(id);
    }
}
