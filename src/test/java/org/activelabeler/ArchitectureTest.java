package org.activelabeler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core has no idea of the GUI, the database, the tracking server or the tensor library. */
@AnalyzeClasses(packages = "org.activelabeler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsFreeOfAdapters = noClasses()
            .that().resideInAnyPackage(
                    "org.activelabeler.dataset..",
                    "org.activelabeler.labeling..",
                    "org.activelabeler.strategy..",
                    "org.activelabeler.simulation..",
                    "org.activelabeler.features..",
                    "org.activelabeler.model..",
                    "org.activelabeler.evaluation..",
                    "org.activelabeler.progress..",
                    "org.activelabeler.twospeed..",
                    "org.activelabeler.team..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "org.mlflow..", "ai.djl..", "org.h2..", "org.flywaydb..",
                    "org.postgresql..", "com.zaxxer..", "org.activelabeler.store..");

    /** The shared SQL knows no particular database; only store.h2 and store.postgres do. */
    @ArchTest
    static final ArchRule sharedSqlIsFreeOfEitherDatabase = noClasses()
            .that().resideInAPackage("org.activelabeler.store.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.postgresql..", "com.zaxxer..",
                    "org.activelabeler.store.h2..", "org.activelabeler.store.postgres..");

    /** The sentence-embedding port and its file cache know no tensor library, inference runtime or database. */
    @ArchTest
    static final ArchRule embeddingPortIsFreeOfAdapters = noClasses()
            .that().resideInAPackage("org.activelabeler.embedding..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "org.mlflow..", "ai.djl..", "ai.onnxruntime..", "org.h2..",
                    "org.flywaydb..", "org.activelabeler.training..", "org.activelabeler.store..");

    /** The tracking port knows no MLflow, database or tensor library; its adapters do. */
    @ArchTest
    static final ArchRule trackingPortIsFreeOfAdapters = noClasses()
            .that().resideInAPackage("org.activelabeler.tracking")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "org.mlflow..", "ai.djl..", "org.h2..", "org.flywaydb..",
                    "org.activelabeler.store..", "org.activelabeler.tracking.mlflow..");
}
