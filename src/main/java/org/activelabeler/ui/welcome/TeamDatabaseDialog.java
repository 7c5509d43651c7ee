package org.activelabeler.ui.welcome;

import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.activelabeler.store.postgres.PostgresAddress;

/**
 * Asks where a team's PostgreSQL database is and the password: host, port, database, user. The address is
 * remembered in the settings, the password never (it stays in memory for this session). When
 * {@code ACTIVE_LABELER_DB_PASSWORD} or {@code PGPASSWORD} is set, the password field starts from it.
 */
public final class TeamDatabaseDialog {
    private TeamDatabaseDialog() {
    }

    /** What the person entered. */
    public record Answer(PostgresAddress address, char[] password) {
    }

    /** @param last the address used before ({@code jdbc:postgresql://...}), or empty */
    public static Optional<Answer> ask(Window owner, String last, Map<String, String> env) {
        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setTitle("Connect to a team database");
        dialog.setHeaderText("Label with your team: every annotator connects to the same PostgreSQL database.");
        PostgresAddress before = previous(last, env);
        TextField host = field("team-host", before == null ? "localhost" : before.host());
        TextField port = field("team-port", before == null ? "5432" : Integer.toString(before.port()));
        TextField database = field("team-database-name", before == null ? "" : before.database());
        TextField user = field("team-user", before == null ? env.getOrDefault("PGUSER",
                System.getProperty("user.name", "")) : before.user());
        PasswordField password = new PasswordField();
        password.setId("team-password");
        password.setText(env.getOrDefault("ACTIVE_LABELER_DB_PASSWORD", env.getOrDefault("PGPASSWORD", "")));
        Label problem = new Label();
        problem.setId("team-problem");
        problem.getStyleClass().add("caption");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        String[] names = {"Host", "Port", "Database", "User", "Password"};
        javafx.scene.Node[] inputs = {host, port, database, user, password};
        for (int i = 0; i < names.length; i++) {
            grid.addRow(i, new Label(names[i]), inputs[i]);
        }
        grid.add(problem, 0, names.length, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, connect);
        dialog.getDialogPane().lookupButton(connect).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String wrong = check(host.getText(), port.getText(), database.getText(), user.getText());
            problem.setText(wrong);
            if (!wrong.isEmpty()) {
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button != connect ? null : new Answer(PostgresAddress.parse(
                "jdbc:postgresql://" + host.getText().strip() + ":" + port.getText().strip() + "/"
                        + database.getText().strip() + "?user=" + user.getText().strip(), env),
                password.getText().toCharArray()));
        return dialog.showAndWait();
    }

    /** What is wrong with the fields, or empty. */
    static String check(String host, String port, String database, String user) {
        if (host.isBlank()) {
            return "Name the server (its host name or address)";
        }
        if (!port.strip().matches("\\d{1,5}")) {
            return "The port is a number, 5432 by default";
        }
        if (database.isBlank() || database.contains("/") || database.contains("?")) {
            return "Name the database on the server (ask whoever set it up)";
        }
        return user.isBlank() ? "Name the database user" : "";
    }

    private static PostgresAddress previous(String last, Map<String, String> env) {
        try {
            return last.isBlank() ? null : PostgresAddress.parse(last, env);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static TextField field(String id, String value) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setPrefColumnCount(24);
        return field;
    }
}
