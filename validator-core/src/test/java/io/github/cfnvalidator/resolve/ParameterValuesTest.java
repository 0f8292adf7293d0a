package io.github.cfnvalidator.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfnvalidator.template.TemplateParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three parameter-file forms deployers keep, and their errors. */
class ParameterValuesTest {
    @Test
    void cloudFormationCliList() throws Exception {
        ParameterValues v = ParameterValues.parse("p.json", "[{\"ParameterKey\": \"Env\", \"ParameterValue\": "
                + "\"prod\"}, {\"ParameterKey\": \"Count\", \"ParameterValue\": 3},"
                + " {\"ParameterKey\": \"Old\", \"UsePreviousValue\": true}]");
        assertThat(v.values()).isEqualTo(Map.of("Env", "prod", "Count", "3"));
    }

    @Test
    void templateConfigurationFile() throws Exception {
        ParameterValues v = ParameterValues.parse("c.json", "{\"Parameters\": {\"Env\": \"prod\", \"Subnets\": "
                + "[\"a\", \"b\"]}, \"Tags\": {\"team\": \"ml\"}}");
        assertThat(v.values()).isEqualTo(Map.of("Env", "prod", "Subnets", "a,b"));
    }

    @Test
    void keyValueLines() throws Exception {
        ParameterValues v = ParameterValues.parse("p.properties", "# prod\nEnv=prod\n\n Count = 3 \nUrl=a=b\n");
        assertThat(v.values()).isEqualTo(Map.of("Env", "prod", "Count", "3", "Url", "a=b"));
    }

    @Test
    void errorsHaveALocation() {
        assertThatThrownBy(() -> ParameterValues.parse("p.txt", "Env=prod\nnonsense\n"))
                .isInstanceOf(TemplateParseException.class)
                .satisfies(e -> assertThat(((TemplateParseException) e).problems().get(0).location().line())
                        .isEqualTo(2));
        assertThatThrownBy(() -> ParameterValues.parse("p.json", "[{\"ParameterValue\": \"x\"}]"))
                .hasMessageContaining("no ParameterKey");
        assertThatThrownBy(() -> ParameterValues.parse("p.json", "{\"Env\": "))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void laterValuesOverrideEarlierOnes() {
        ParameterValues a = ParameterValues.of(Map.of("Env", "dev", "Count", "1"), "a");
        ParameterValues b = ParameterValues.of(Map.of("Env", "prod"), "b");
        assertThat(a.overriddenBy(b).values()).isEqualTo(Map.of("Env", "prod", "Count", "1"));
    }
}
