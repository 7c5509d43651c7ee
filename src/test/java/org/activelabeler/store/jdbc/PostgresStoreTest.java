package org.activelabeler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.activelabeler.labeling.RoundTurn;
import org.activelabeler.store.postgres.PostgresAddress;
import org.activelabeler.store.postgres.PostgresDatabase;
import org.activelabeler.testsupport.PostgresTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server that the test starts, one new database per test. */
class PostgresStoreTest extends StoreContract {
    private PostgresAddress address;

    @BeforeEach
    @Override
    void importTwoDatasets() {
        address = PostgresTestServer.require().freshDatabase();
        super.importTwoDatasets();
    }

    @Override
    Database open() {
        return PostgresDatabase.open(address, PostgresTestServer.PASSWORD.toCharArray());
    }

    @Test
    void aRetrainTurnHoldsForEveryClientAndEndsWithTheClientThatHeldIt() {
        long datasetId = firstDatasetId();
        try (Database otherClient = open()) {
            JdbcLabelStore mine = new JdbcLabelStore(database());
            JdbcLabelStore theirs = new JdbcLabelStore(otherClient);
            RoundTurn turn = mine.tryStartRound(datasetId).orElseThrow();
            assertThat(theirs.tryStartRound(datasetId)).as("held by the first client").isEmpty();
            turn.close();
            RoundTurn theirTurn = theirs.tryStartRound(datasetId).orElseThrow();
            assertThat(mine.tryStartRound(datasetId)).isEmpty();
            otherClient.close();
            assertThat(mine.tryStartRound(datasetId)).as("the server let go of a closed client's lock").isPresent()
                    .get().satisfies(RoundTurn::close);
            assertThat(theirTurn).isNotNull();
        }
    }
}
