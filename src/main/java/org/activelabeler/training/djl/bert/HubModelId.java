package org.activelabeler.training.djl.bert;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A model repository on the Hugging Face hub, {@code owner/name} or {@code owner/name@revision}. */
record HubModelId(String owner, String name, String revision) {
    static final String DEFAULT_REVISION = "main";
    private static final Pattern FORM = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9._-]*)/([A-Za-z0-9][A-Za-z0-9._-]*)(?:@([A-Za-z0-9][A-Za-z0-9._-]*))?");

    static Optional<HubModelId> parse(String spec) {
        Matcher m = FORM.matcher(spec.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HubModelId(m.group(1), m.group(2), m.group(3) == null ? DEFAULT_REVISION : m.group(3)));
    }

    /** The folder name in the cache: {@code owner--name--revision}. */
    String cacheKey() {
        return owner + "--" + name + "--" + revision;
    }

    String repository() {
        return owner + "/" + name;
    }

    @Override
    public String toString() {
        return revision.equals(DEFAULT_REVISION) ? repository() : repository() + "@" + revision;
    }
}
