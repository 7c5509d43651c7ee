package org.activelabeler.team;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activelabeler.app.StoreLocation;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.progress.Progress;

/**
 * One annotator of a team in a process of its own: opens the shared store by its address (the password from
 * the environment, as a user's would be), waits for the go file so that all start at once, takes batches from {@link TeamQueue} and labels each review with its
 * file label until nothing is left, then prints how many labels it gave.
 */
public final class TeamAnnotatorChild {
    private TeamAnnotatorChild() {
    }

    public static void main(String[] args) {
        String db = args[0];
        long datasetId = Long.parseLong(args[1]);
        String annotator = args[2];
        int batch = Integer.parseInt(args[3]);
        try (Workspace workspace = Workspace.open(StoreLocation.parse(db))) {
            Corpus corpus = workspace.datasets().loadCorpus(datasetId, Progress.NONE);
            LabelingSession session = new LabelingSession(corpus, workspace.labels(), annotator);
            TeamQueue queue = new TeamQueue(corpus, workspace.labels(), workspace.claims(), annotator);
            java.util.Map<Long, Integer> gold = new java.util.HashMap<>();
            for (int i = 0; i < corpus.size(); i++) {
                gold.put(corpus.reviewIds()[i], corpus.gold()[i]);
            }
            System.out.println("ready");
            System.out.flush();
            Path go = Path.of(args[4]);
            while (!Files.exists(go)) {
                sleep();
            }
            int labeled = 0;
            for (List<Long> next = queue.next(batch); !next.isEmpty(); next = queue.next(batch)) {
                for (long reviewId : next) {
                    session.label(reviewId, gold.get(reviewId));
                    labeled++;
                }
            }
            System.out.println("labeled " + labeled);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
