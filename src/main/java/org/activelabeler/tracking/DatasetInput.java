package org.activelabeler.tracking;

/**
 * A dataset a run used, as MLflow's {@code runs/log-inputs} records it.
 *
 * @param digest a short content digest (MLflow keeps at most 36 characters)
 * @param sourceType for example {@code local}
 * @param source JSON that says where the data came from
 * @param context {@code training} or {@code evaluation}
 */
public record DatasetInput(String name, String digest, String sourceType, String source, String context) {
}
