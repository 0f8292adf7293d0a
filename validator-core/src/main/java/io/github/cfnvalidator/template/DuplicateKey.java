package io.github.cfnvalidator.template;

import java.util.Objects;

/**
 * A key written more than once in one map. CloudFormation accepts such a template and deploys the last occurrence,
 * so the readers keep the last one in the tree and record the earlier one here.
 *
 * @param key      the key as written
 * @param pointer  the JSON pointer of the kept value (both occurrences share it)
 * @param ignored  where the earlier, ignored occurrence's key is written
 * @param kept     where the last occurrence's key, the one the tree holds, is written
 */
public record DuplicateKey(String key, String pointer, Location ignored, Location kept) {
    public DuplicateKey {
        Objects.requireNonNull(key);
        Objects.requireNonNull(pointer);
        Objects.requireNonNull(ignored);
        Objects.requireNonNull(kept);
    }
}
