package org.activelabeler.testsupport;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link MlflowTestServer} parameter: one real server for the whole test run, stopped
 * when the run ends. Without an mlflow executable the tests are skipped, with the reason.
 */
public final class MlflowServerExtension implements ExecutionCondition, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MlflowServerExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return MlflowInstallation.executable().isPresent()
                ? ConditionEvaluationResult.enabled("mlflow found")
                : ConditionEvaluationResult.disabled(MlflowInstallation.absentReason());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MlflowTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Optional<Path> mlflow = MlflowInstallation.executable();
        if (mlflow.isEmpty()) {
            throw new IllegalStateException(MlflowInstallation.absentReason());
        }
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> {
            try {
                return MlflowTestServer.start(mlflow.get());
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start mlflow server with " + mlflow.get() + ": " + e, e);
            }
        }, MlflowTestServer.class);
    }
}
