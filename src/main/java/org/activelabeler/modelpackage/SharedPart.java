package org.activelabeler.modelpackage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Files that many versions of a model use alike (the fitted feature state of a dataset, an encoder),
 * addressed by a sha256 over their names and digests: stored once per tracking server and per machine,
 * and referenced by each version's manifest.
 *
 * @param kind what the files are, e.g. {@value #FEATURES}
 */
public record SharedPart(String kind, String sha256, List<PackageFile> files) {
    public static final String FEATURES = "features";
    /** A sentence encoder that does not ship with the app (a folder or a hub model). */
    public static final String ENCODER = "encoder";

    public SharedPart {
        files = List.copyOf(files);
    }

    /** The part made of these files of {@code folder}, its address computed from their content. */
    public static SharedPart of(String kind, Path folder, List<String> paths) {
        List<PackageFile> files = paths.stream().map(path -> PackageFile.of(folder, path))
                .sorted(Comparator.comparing(PackageFile::path)).toList();
        return new SharedPart(kind, address(kind, files), files);
    }

    /** Whether {@code folder} holds every file of the part, unchanged. */
    public boolean presentIn(Path folder) {
        return files.stream().allMatch(file -> file.matches(folder));
    }

    /** {@code features 3f2a9c0b1d2e}, for messages. */
    public String label() {
        return kind + " " + sha256.substring(0, 12);
    }

    private static String address(String kind, List<PackageFile> files) {
        var digest = PackageFile.sha256Digest();
        digest.update((kind + "\n").getBytes(StandardCharsets.UTF_8));
        for (PackageFile file : files) {
            digest.update((file.path() + " " + file.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
