package org.activelabeler.ui;

import com.sun.javafx.perf.PerformanceTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.activelabeler.app.Workspace;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.progress.Progress;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import org.activelabeler.ui.task.FxTaskExecutor;

/**
 * A labeling key press in the real window, to the frame that shows the next text: the key event goes
 * through the scene as a typed key does, and the time is taken when the renderer has drawn the first
 * frame after it (Prism's frame-rendered hook), and at the end of that pulse's layout, with a model
 * trained on the warm-up labels (probabilities and highlighted words on every text). Headless on
 * Monocle with the software renderer at 1280x800: no GPU, no window manager.
 *
 * <pre>java --add-exports javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED -Dglass.platform=Monocle
 *   -Dmonocle.platform=Headless -Dprism.order=sw -cp target/test-classes:target/classes:$(cat cp.txt)
 *   org.activelabeler.ui.KeyToFrameBench FILE|DATA_FOLDER [PRESSES]</pre>
 * A data folder opens its first imported dataset as it is; a file is imported first.
 */
public final class KeyToFrameBench {
    private static final java.util.SplittableRandom PAUSES = new java.util.SplittableRandom(13);

    private KeyToFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int presses = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        boolean imported = Files.isDirectory(file);
        Path folder = imported ? file : Files.createTempDirectory("key-frame-bench");
        long datasetId;
        try (Workspace workspace = Workspace.open(folder)) {
            datasetId = imported ? workspace.datasets().list().stream()
                    .filter(d -> d.origin() == org.activelabeler.dataset.DatasetOrigin.IMPORT).findFirst().orElseThrow(
                            () -> new IllegalArgumentException(file + " holds no imported dataset")).id()
                    : workspace.importer().importFile(file, Progress.NONE).dataset().id();
        }
        UiFixture.writeSettings(folder, "dataset.last=" + datasetId + "\nbatch="
                + org.activelabeler.ui.retrain.RetrainViewModel.MAX_BATCH + "\nannotator=bench\n");
        long started = System.nanoTime();
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        // texts (and their highlighted words) are read ahead on a thread of their own, as in DesktopApp
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(run -> {
            Thread thread = new Thread(run, "text-reader");
            thread.setDaemon(true);
            return thread;
        });
        AppShell shell = onFx(() -> {
            AppShell made = new AppShell(new AppConfig(folder, new FxTaskExecutor(), reader,
                    features -> new NgramLogisticClassifier(ClassifierSettings.builder().build(), features),
                    address -> { }, false, Map.of()));
            Stage stage = new Stage();
            stage.setWidth(1280);
            stage.setHeight(800);
            made.show(stage);
            return made;
        });
        while (!onFx(() -> shell.screen() != null && shell.scene().lookup("#labeled-count") != null)) {
            Thread.sleep(50);
        }
        System.out.printf(Locale.ROOT, "%s: the first text on screen %.1f s after the window started%n",
                file.getFileName(), (System.nanoTime() - started) / 1e9);
        while (!onFx(() -> shell.screen().retrain().readyProperty().get())) {
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "features learned %.1f s after the window started%n",
                (System.nanoTime() - started) / 1e9);
        Scene scene = shell.scene();
        AtomicLong rendered = new AtomicLong();
        AtomicLong laidOut = new AtomicLong();
        AtomicLong pulseStart = new AtomicLong();
        onFx(() -> {
            scene.addPreLayoutPulseListener(() -> pulseStart.compareAndSet(0, System.nanoTime()));
            PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> rendered.set(System.nanoTime()));
            scene.addPostLayoutPulseListener(() -> laidOut.compareAndSet(0, System.nanoTime()));
            return null;
        });
        for (int i = 0; i < 30; i++) {
            press(scene, i, rendered, laidOut, pulseStart);
        }
        // a model, so that each text shows its probabilities and its highlighted words as in daily use
        onFx(() -> {
            shell.screen().retrain().retrainNow();
            return null;
        });
        while (!onFx(() -> shell.screen().labeling().predictions() != null)) {
            Thread.sleep(200);
        }
        Thread.sleep(2000);
        System.out.printf(Locale.ROOT, "a model trained on 30 labels; highlighted words on the text on screen: %d%n",
                onFx(() -> shell.screen().labeling().highlightsProperty().get().size()));
        double[] toFrame = new double[presses];
        double[] toLayout = new double[presses];
        double[] handling = new double[presses];
        double[] waiting = new double[presses];
        double[] layout = new double[presses];
        double[] drawing = new double[presses];
        double[] working = new double[presses];
        for (int i = 0; i < presses; i++) {
            long[] times = press(scene, i, rendered, laidOut, pulseStart);
            handling[i] = (times[3] - times[0]) / 1e6;
            waiting[i] = (times[4] - times[3]) / 1e6;
            layout[i] = (times[1] - times[4]) / 1e6;
            drawing[i] = (times[2] - times[1]) / 1e6;
            working[i] = handling[i] + layout[i];
            toLayout[i] = (times[1] - times[0]) / 1e6;
            toFrame[i] = (times[2] - times[0]) / 1e6;
        }
        report("  the key's handlers (the label's commit, the next text, Up next)", handling);
        report("  then waiting for the next pulse", waiting);
        report("  then CSS and layout", layout);
        report("  then drawing the frame", drawing);
        // The pulse comes every 16.7 ms whatever the window does, and a press falls anywhere in that cycle: the
        // wait is the display's cadence. What the window itself does for a press is the rest.
        report("the window's own work (handlers, CSS and layout; the wait for the pulse left out)", working);
        report("key press to the end of the next layout", toLayout);
        report("key press to the next frame rendered", toFrame);
        onFx(() -> {
            shell.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    /**
     * Presses and releases a class key; returns when it was pressed, laid out, drawn, handled, and when
     * the pulse after it began.
     */
    private static long[] press(Scene scene, int i, AtomicLong rendered, AtomicLong laidOut, AtomicLong pulseStart)
            throws Exception {
        KeyCode key = i % 2 == 0 ? KeyCode.DIGIT1 : KeyCode.DIGIT2;
        long[] handled = onFx(() -> {
            laidOut.set(0);
            rendered.set(0);
            pulseStart.set(0);
            Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
            long now = System.nanoTime();
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", key, false, false, false, false));
            return new long[] {now, System.nanoTime()};
        });
        long pressed = handled[0];
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((rendered.get() == 0 || rendered.get() < laidOut.get()) && System.nanoTime() < waitUntil) {
            Thread.sleep(0, 200_000);
        }
        long frame = rendered.get();
        long layout = laidOut.get();
        // An annotator reads (the reader thread keeps ahead); a press comes at any moment of the 60 Hz pulse
        // cycle, not at a fixed time after the last frame, which would fix how long it waits for the pulse.
        Thread.sleep(40 + PAUSES.nextInt(17));
        return new long[] {pressed, layout == 0 ? frame : layout, frame, handled[1], pulseStart.get()};
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf(Locale.ROOT, "%s, %d presses: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what, n, sorted[n / 2], sorted[n * 9 / 10], sorted[Math.min(n - 1, n * 99 / 100)], sorted[n - 1]);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
