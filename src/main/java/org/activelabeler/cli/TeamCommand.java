package org.activelabeler.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.Datasets;
import org.activelabeler.team.TeamReport;
import org.activelabeler.team.TeamSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "team", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "How a team shares a dataset: who labeled how much, Cohen's kappa for each pair and"
                + " Krippendorff's alpha over all on the reviews labeled twice, and the disagreements left to settle."
                + " --overlap and --lease-minutes change how the work is shared, for every client.")
final class TeamCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, paramLabel = "NAME|ID", description = "The dataset.")
    String dataset;

    @Option(names = "--overlap", paramLabel = "SHARE",
            description = "The share of reviews two annotators label independently, 0 to 1 (default 0.1).")
    Double overlap;

    @Option(names = "--lease-minutes", paramLabel = "N",
            description = "How long a served review stays with its annotator before it goes to another (default 10).")
    Integer leaseMinutes;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        try (Workspace workspace = Workspace.openExisting(database.location())) {
            DatasetInfo info = Datasets.find(workspace.datasets().list(), dataset);
            TeamSettings settings = workspace.claims().settings(info.id());
            if (overlap != null || leaseMinutes != null) {
                settings = new TeamSettings(overlap != null ? overlap : settings.overlapShare(),
                        leaseMinutes != null ? Duration.ofMinutes(leaseMinutes) : settings.lease());
                workspace.claims().saveSettings(info.id(), settings);
            }
            TeamReport report = TeamReport.of(workspace.labels().events(info.id()), info.labels().size());
            System.out.printf(Locale.ROOT, "'%s' in %s: %.0f%% of the reviews go to two annotators; a served review"
                    + " stays with its annotator %d min%n", info.name(), workspace.storeLocation(),
                    settings.overlapShare() * 100, settings.lease().toMinutes());
            if (report.labelsByAnnotator().isEmpty()) {
                System.out.println("Nobody has labeled it yet.");
                return 0;
            }
            report.labelsByAnnotator().forEach((annotator, count) ->
                    System.out.printf(Locale.ROOT, "  %-24s %,d label%s%n", annotator, count, count == 1 ? "" : "s"));
            System.out.println(report.agreementLine());
            report.kappaLines().forEach(line -> System.out.println("  " + line));
            for (Map.Entry<Long, Map<String, Integer>> conflict : new java.util.TreeMap<>(report.conflicts()).entrySet()) {
                System.out.printf(Locale.ROOT, "  to settle: review %d, %s%n", conflict.getKey(),
                        TeamReport.describe(conflict.getValue(), info.labels(), ", "));
            }
            return 0;
        }
    }
}
