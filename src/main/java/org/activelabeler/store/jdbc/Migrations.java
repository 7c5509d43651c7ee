package org.activelabeler.store.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema's history: the first six versions in a folder of each database's own (the first schema was
 * written in H2's types), then the migrations both databases take, from {@code db/portable}.
 */
public final class Migrations {
    public static final String PORTABLE = "classpath:db/portable";

    private Migrations() {
    }

    /** Flyway over {@code dataSource} with the database's own folder and the portable one. */
    public static FluentConfiguration configure(DataSource dataSource, String ownLocation) {
        return Flyway.configure().dataSource(dataSource).locations(ownLocation, PORTABLE);
    }
}
