package org.activelabeler.tracking;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.activelabeler.simulation.LearningCurve;
import org.activelabeler.simulation.RoundResult;

/** Draws holdout accuracy and macro-F1 against the number of labels as a PNG, without a display. */
public final class LearningCurvePlot {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int MARGIN = 50;

    private LearningCurvePlot() {
    }

    public static Path write(LearningCurve curve, Path file) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            List<RoundResult> rounds = curve.rounds();
            double minX = rounds.get(0).labels();
            double maxX = Math.max(minX + 1, curve.last().labels());
            g.setColor(Color.DARK_GRAY);
            g.drawRect(MARGIN, MARGIN / 2, WIDTH - 3 * MARGIN / 2, HEIGHT - 3 * MARGIN / 2);
            g.drawString(String.format(Locale.ROOT, "labels %d to %d; accuracy (blue), macro-F1 (orange), 0 to 1",
                    (int) minX, (int) maxX), MARGIN, HEIGHT - MARGIN / 3);
            g.setStroke(new BasicStroke(2f));
            plot(g, rounds, minX, maxX, true, new Color(31, 119, 180));
            plot(g, rounds, minX, maxX, false, new Color(255, 127, 14));
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("This JVM has no PNG writer");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the learning-curve plot " + file, e);
        }
    }

    private static void plot(Graphics2D g, List<RoundResult> rounds, double minX, double maxX, boolean accuracy,
                             Color color) {
        g.setColor(color);
        int plotWidth = WIDTH - 3 * MARGIN / 2;
        int plotHeight = HEIGHT - 3 * MARGIN / 2;
        int previousX = -1;
        int previousY = -1;
        for (RoundResult round : rounds) {
            double value = accuracy ? round.accuracy() : round.macroF1();
            int x = MARGIN + (int) Math.round((round.labels() - minX) / (maxX - minX) * plotWidth);
            int y = MARGIN / 2 + plotHeight - (int) Math.round(value * plotHeight);
            g.fillOval(x - 3, y - 3, 6, 6);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
    }
}
