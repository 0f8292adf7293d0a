package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The hand-written core-schema typing agrees with SnakeYAML Engine's regular expressions (environment tags aside). */
class CoreScalarTypesProperties {
    private static final ScalarResolver REFERENCE = new CoreSchema().getScalarResolver();

    @Provide
    Arbitrary<String> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789+-.eExXoabcdfnulTFtrsNIi_~<").ofMaxLength(8),
                Arbitraries.of("", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRue", "false",
                        "FALSE", "0x1F", "0o17", "0o8", "0x", "+12", "-0", "1e3", "1.5e-3", ".5", "5.", ".", "-.inf",
                        ".NaN", "+.nan", "1_000", "0b101", "<<", "<<<", "2010-09-09", "1.10", "012", "+", "-"));
    }

    @Property(tries = 3000)
    void agreesWithTheRegularExpressions(@ForAll("scalars") String value) {
        assertThat(CoreScalarTypes.INSTANCE.resolve(value, true)).as(value)
                .isEqualTo(REFERENCE.resolve(value, true));
        assertThat(CoreScalarTypes.INSTANCE.resolve(value, false)).as(value)
                .isEqualTo(REFERENCE.resolve(value, false));
    }
}
