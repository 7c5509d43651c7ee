package org.activelabeler.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (class or method) that talks to a real MLflow: it gets a {@link MlflowTestServer} parameter
 * ({@link MlflowServerExtension}), is skipped with the reason where there is no mlflow, and carries the
 * tag {@value MlflowInstallation#TAG}. The build runs all tests against the pinned MLflow 2.17.2 and then
 * the tests with this tag a second time against MLflow 3.x (the pom's {@code mlflow3-test} execution).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(MlflowInstallation.TAG)
@ExtendWith(MlflowServerExtension.class)
public @interface MlflowIntegration {
}
