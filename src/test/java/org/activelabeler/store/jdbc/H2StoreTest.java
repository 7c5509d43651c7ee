package org.activelabeler.store.jdbc;

import org.activelabeler.store.h2.H2Database;

/** The store contract on H2 in a data folder. */
class H2StoreTest extends StoreContract {
    @Override
    Database open() {
        return H2Database.open(dir.resolve("db"));
    }
}
