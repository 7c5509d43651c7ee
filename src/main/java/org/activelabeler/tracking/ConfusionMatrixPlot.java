package org.activelabeler.tracking;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.activelabeler.dataset.LabelSet;

/**
 * Draws a confusion matrix as a PNG without a display: one cell per (gold, predicted) pair with its
 * count, shaded by the share of its gold row, gold classes down the side, predicted across the top.
 */
public final class ConfusionMatrixPlot {
    private static final int CELL = 56;
    private static final int LABEL_WIDTH = 150;
    private static final int HEADER = 90;

    private ConfusionMatrixPlot() {
    }

    /** @param confusion {@code confusion[gold][predicted]} */
    public static Path write(int[][] confusion, LabelSet labels, Path file) {
        System.setProperty("java.awt.headless", "true");
        int k = confusion.length;
        int width = LABEL_WIDTH + k * CELL + 20;
        int height = HEADER + k * CELL + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.DARK_GRAY);
            g.drawString("gold (rows) by predicted (columns)", 10, 18);
            FontMetrics metrics = g.getFontMetrics();
            for (int c = 0; c < k; c++) {
                String name = shorten(labels.name(c), metrics, LABEL_WIDTH - 10);
                g.drawString(name, 10, HEADER + c * CELL + CELL / 2 + 4);
                Graphics2D rotated = (Graphics2D) g.create();
                rotated.translate(LABEL_WIDTH + c * CELL + CELL / 2 + 4, HEADER - 6);
                rotated.rotate(-Math.PI / 4);
                rotated.drawString(shorten(labels.name(c), metrics, HEADER), 0, 0);
                rotated.dispose();
            }
            for (int gold = 0; gold < k; gold++) {
                int total = 0;
                for (int count : confusion[gold]) {
                    total += count;
                }
                for (int predicted = 0; predicted < k; predicted++) {
                    int count = confusion[gold][predicted];
                    double share = total == 0 ? 0 : (double) count / total;
                    int x = LABEL_WIDTH + predicted * CELL;
                    int y = HEADER + gold * CELL;
                    g.setColor(shade(share, gold == predicted));
                    g.fillRect(x, y, CELL - 2, CELL - 2);
                    g.setColor(share > 0.55 ? Color.WHITE : Color.BLACK);
                    String text = Integer.toString(count);
                    g.drawString(text, x + (CELL - 2 - metrics.stringWidth(text)) / 2, y + CELL / 2 + 4);
                }
            }
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the confusion matrix " + file, e);
        }
    }

    private static Color shade(double share, boolean diagonal) {
        float light = (float) (0.97 - 0.62 * share);
        return diagonal ? Color.getHSBColor(0.58f, (float) (0.15 + 0.6 * share), light)
                : Color.getHSBColor(0.05f, (float) (0.1 + 0.6 * share), light);
    }

    private static String shorten(String name, FontMetrics metrics, int width) {
        if (metrics.stringWidth(name) <= width) {
            return name;
        }
        String cut = name;
        while (cut.length() > 1 && metrics.stringWidth(cut + "...") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }
}
