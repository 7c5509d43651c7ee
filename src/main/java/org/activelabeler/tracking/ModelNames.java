package org.activelabeler.tracking;

/** The registered model a dataset's models become versions of, unless the person names another. */
public final class ModelNames {
    private ModelNames() {
    }

    /** {@code <dataset>-classifier}, with characters other than letters, digits, '.', '_' and '-' as '-'. */
    public static String forDataset(String datasetName) {
        String slug = datasetName.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (slug.isEmpty() ? "dataset" : slug) + "-classifier";
    }
}
