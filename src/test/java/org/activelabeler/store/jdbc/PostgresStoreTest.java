package org.activelabeler.store.jdbc;

import org.activelabeler.store.postgres.PostgresAddress;
import org.activelabeler.store.postgres.PostgresDatabase;
import org.activelabeler.testsupport.PostgresTestServer;
import org.junit.jupiter.api.BeforeEach;

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
}
