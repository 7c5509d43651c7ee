package org.activelabeler.serving;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The scoring server knows the JDK's HTTP server, Gson and commons-csv, and nothing of the GUI, database or model. */
@AnalyzeClasses(packages = "org.activelabeler.serving", importOptions = ImportOption.DoNotIncludeTests.class)
class ScoringArchitectureTest {

    @ArchTest
    static final ArchRule servingIsFreeOfAdapters = noClasses()
            .that().resideInAPackage("org.activelabeler.serving..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "javax.sql..", "org.mlflow..", "ai.djl..", "ai.onnxruntime..",
                    "org.h2..", "org.flywaydb..");

    /** The model implements {@link TextScorer} from its own package; the server depends on no other package. */
    @ArchTest
    static final ArchRule servingStandsAlone = noClasses()
            .that().resideInAPackage("org.activelabeler.serving..")
            .should().dependOnClassesThat(resideInAPackage("org.activelabeler..")
                    .and(resideOutsideOfPackage("org.activelabeler.serving..")));
}
