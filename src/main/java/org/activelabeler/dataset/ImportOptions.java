package org.activelabeler.dataset;

/**
 * How a file is imported.
 *
 * @param columns which columns hold the text, label and id
 * @param labels the label set the person declared (its order gives the keys), or null to take the
 *     file's classes, sorted by name (or the sentiment set for a file without labels)
 * @param origin why it is imported
 */
public record ImportOptions(ColumnChoice columns, LabelSet labels, DatasetOrigin origin) {
    public static final ImportOptions DEFAULT = new ImportOptions(ColumnChoice.FIND, null, DatasetOrigin.IMPORT);

    public ImportOptions withOrigin(DatasetOrigin value) {
        return new ImportOptions(columns, labels, value);
    }
}
