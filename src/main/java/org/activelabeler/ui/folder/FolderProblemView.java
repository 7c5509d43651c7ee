package org.activelabeler.ui.folder;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * What the window shows when the data folder, or a team's database, cannot be opened (another Active Labeler
 * holds the folder, it is not writable, the server refused, ...): the reason, and a way on: try again, or
 * open another data folder.
 */
public final class FolderProblemView extends VBox {

    /**
     * @param chooser asks for a folder; null when the person cancels
     * @param retry opens the same folder again
     * @param openOther opens the folder chosen
     */
    /** @param where the folder's absolute path or the server's address */
    public FolderProblemView(String where, String reason, Function<Window, Path> chooser, Runnable retry,
                             Consumer<Path> openOther) {
        super(14);
        setId("folder-problem");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(40));
        boolean server = where.startsWith("postgresql://");
        Label title = new Label(server ? "Cannot open the team database" : "The data folder cannot be opened");
        title.getStyleClass().add("welcome-title");
        Label place = new Label(where);
        place.getStyleClass().add("caption");
        Label why = new Label(reason);
        why.setId("folder-problem-reason");
        why.setWrapText(true);
        why.setMaxWidth(600);
        Label labels = new Label(server ? "Labels already given are safe on the server."
                : "Labels already given are safe in that folder.");
        labels.getStyleClass().add("muted");

        Button again = new Button("Retry");
        again.setId("retry-folder");
        again.getStyleClass().add("accent");
        again.setDefaultButton(true);
        again.setOnAction(e -> retry.run());
        Button other = new Button("Open another data folder...");
        other.setId("open-other-folder");
        other.setOnAction(e -> {
            Path chosen = chooser.apply(getScene().getWindow());
            if (chosen != null) {
                openOther.accept(chosen);
            }
        });
        HBox buttons = new HBox(12, again, other);
        buttons.setAlignment(Pos.CENTER);

        VBox card = new VBox(14, title, place, why, labels, buttons);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("card");
        card.setMaxWidth(680);
        getChildren().add(card);
    }

    /** The desktop folder chooser. */
    public static Path chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a data folder");
        File folder = chooser.showDialog(owner);
        return folder == null ? null : folder.toPath();
    }
}
