package org.activelabeler.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.activelabeler.store.StoreException;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.PostgresTestServer;
import org.junit.jupiter.api.Test;

/** What a person is told when the team's database cannot be used, against a real server; never the password. */
class PostgresErrorsTest {

    @Test
    void aWrongPasswordNamesTheUserAndWhereThePasswordGoes() {
        PostgresTestServer server = PostgresTestServer.require();
        PostgresAddress address = server.freshDatabase();
        assertThatThrownBy(() -> PostgresDatabase.open(address, "not-the-password".toCharArray()).close())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("refused user 'labeler'")
                .hasMessageContaining("ACTIVE_LABELER_DB_PASSWORD")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aMissingDatabaseSaysHowToCreateIt() {
        PostgresTestServer server = PostgresTestServer.require();
        PostgresAddress missing = PostgresAddress.parse(server.url("nope") + "?user=" + PostgresTestServer.USER, Map.of());
        assertThatThrownBy(() -> PostgresDatabase.open(missing, PostgresTestServer.PASSWORD.toCharArray()).close())
                .hasMessageContaining("There is no database 'nope'")
                .hasMessageContaining("createdb -h 127.0.0.1 -p " + server.port() + " -U labeler nope");
    }

    @Test
    void aServerThatDoesNotAnswerIsNamed() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PostgresAddress nobody = PostgresAddress.parse("jdbc:postgresql://127.0.0.1:" + closed + "/x?user=ann", Map.of());
        assertThatThrownBy(() -> PostgresDatabase.open(nobody, null).close())
                .hasMessageContaining("Cannot reach the PostgreSQL server at 127.0.0.1:" + closed);
    }

    @Test
    void theCommandLineRefusesAMalformedAddressOrAPasswordInIt() {
        assertThat(CommandLineRun.expect(1, "datasets", "--db", "jdbc:postgresql:imdb"))
                .contains("'jdbc:postgresql:imdb' is not a PostgreSQL address", "jdbc:postgresql://HOST[:PORT]/DATABASE");
        assertThat(CommandLineRun.expect(1, "datasets", "--db", "jdbc:postgresql://h/imdb?user=a&password=hunter2"))
                .contains("holds a password", "PGPASSWORD").doesNotContain("hunter2");
        assertThat(CommandLineRun.expect(1, "datasets", "--db", "jdbc:mysql://h/imdb"))
                .contains("does not work with", "jdbc:postgresql://HOST[:PORT]/DB");
    }
}
