package io.github.cfnvalidator.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * One deploy-time parameter file in the plugin's {@code parameters}: the file, and optionally the templates it applies
 * to (Ant patterns, matched against a template's path relative to its source directory and to the project base
 * directory). Without patterns it applies to every template.
 *
 * <pre>{@code
 * <parameters>
 *   <parameter>src/main/cloudformation/params/common.json</parameter>      <!-- every template -->
 *   <parameter>
 *     <file>src/main/cloudformation/params/prod.json</file>
 *     <templates><template>prod/**</template></templates>                   <!-- only these -->
 *   </parameter>
 * </parameters>
 * }</pre>
 */
public class ParameterFile {
    private File file;
    private List<String> templates = new ArrayList<>();

    /** For Maven's configurator. */
    public ParameterFile() {
    }

    /** A parameter file for every template. */
    public ParameterFile(File file) {
        this.file = file;
    }

    /** Called by Maven for the short form {@code <parameter>path</parameter>} and for {@code -Dcfn.parameters}. */
    public void set(String path) {
        this.file = new File(path.trim());
    }

    /** The parameter file. */
    public File getFile() {
        return file;
    }

    /** Sets the parameter file. */
    public void setFile(File file) {
        this.file = file;
    }

    /** Ant patterns of the templates the values apply to; empty means every template. */
    public List<String> getTemplates() {
        return templates;
    }

    /** Sets the template patterns. */
    public void setTemplates(List<String> templates) {
        this.templates = templates == null ? new ArrayList<>() : new ArrayList<>(templates);
    }

    @Override
    public String toString() {
        return file + (templates.isEmpty() ? "" : " for " + templates);
    }
}
