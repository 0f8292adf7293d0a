package io.github.cfnvalidator.template;

/**
 * Explicit limits that keep hostile input from exhausting memory, stack or time. Every limit breach is reported as a
 * {@link ParseProblem} at the place where it happened.
 *
 * @param maxDocumentBytes largest file accepted, in bytes (CloudFormation's own limit is 1,000,000)
 * @param maxDepth         deepest nesting of maps and lists
 * @param maxScalarLength  longest single scalar, in characters
 * @param maxAliasNodes    most nodes that YAML aliases may add to the tree when expanded (billion-laughs guard)
 * @param maxAliases       most collection aliases one YAML document may use
 */
public record ParserLimits(long maxDocumentBytes, int maxDepth, int maxScalarLength, int maxAliasNodes,
                           int maxAliases) {

    /** CloudFormation's template body limit in an S3 object. */
    public static final long CLOUDFORMATION_MAX_BYTES = 1_000_000L;

    /** The defaults: 1 MB documents, depth 256, 256 Ki-character scalars, 100,000 alias nodes, 500 aliases. */
    public static final ParserLimits DEFAULTS = new ParserLimits(CLOUDFORMATION_MAX_BYTES, 256, 262_144, 100_000, 500);

    public ParserLimits {
        if (maxDocumentBytes <= 0 || maxDepth <= 0 || maxScalarLength <= 0 || maxAliasNodes < 0 || maxAliases < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The same limits with another document size. */
    public ParserLimits withMaxDocumentBytes(long bytes) {
        return new ParserLimits(bytes, maxDepth, maxScalarLength, maxAliasNodes, maxAliases);
    }

    /** The same limits with another depth. */
    public ParserLimits withMaxDepth(int depth) {
        return new ParserLimits(maxDocumentBytes, depth, maxScalarLength, maxAliasNodes, maxAliases);
    }
}
