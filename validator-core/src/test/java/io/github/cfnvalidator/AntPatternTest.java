package io.github.cfnvalidator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ant-style patterns as Maven users write them. */
class AntPatternTest {
    private static boolean m(String pattern, String path) {
        return AntPattern.compile(pattern).matches(path);
    }

    @Test
    void doubleStarMatchesAnyNumberOfFoldersIncludingNone() {
        assertThat(m("**/*.yaml", "a.yaml")).isTrue();
        assertThat(m("**/*.yaml", "x/y/a.yaml")).isTrue();
        assertThat(m("**/*.yaml", "a.yml")).isFalse();
        assertThat(m("prod/**", "prod/a.yaml")).isTrue();
        assertThat(m("prod/**", "prod/x/a.yaml")).isTrue();
        assertThat(m("prod/**", "dev/prod/a.yaml")).isFalse();
        assertThat(m("**/prod/*.yaml", "stacks/prod/a.yaml")).isTrue();
        assertThat(m("**/prod/*.yaml", "prod/a.yaml")).isTrue();
    }

    @Test
    void singleStarAndQuestionMarkStayWithinOneName() {
        assertThat(m("*.yaml", "a.yaml")).isTrue();
        assertThat(m("*.yaml", "x/a.yaml")).isFalse();
        assertThat(m("api-?.yaml", "api-1.yaml")).isTrue();
        assertThat(m("api-?.yaml", "api-10.yaml")).isFalse();
    }

    @Test
    void trailingSlashMeansEverythingBelowAndSpecialCharactersAreLiteral() {
        assertThat(m("legacy/", "legacy/a/b.yaml")).isTrue();
        assertThat(m("./legacy/", "legacy/b.yaml")).isTrue();
        assertThat(m("a+b (1).yaml", "a+b (1).yaml")).isTrue();
        assertThat(m("a.yaml", "aXyaml")).isFalse();
        assertThat(m("dir\\*.yaml", "dir/a.yaml")).isTrue();
    }
}
