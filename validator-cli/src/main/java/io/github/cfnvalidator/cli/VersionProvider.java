package io.github.cfnvalidator.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"cfn-validator " + (v == null ? "development build" : v)};
    }
}
