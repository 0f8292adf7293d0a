package io.github.cfnvalidator.cli.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The {@code workspace/*} side of the server: a change to {@code cfn-validator.yaml}, a parameter file, a Guard rule
 * file or a baseline that an open template depends on checks the open templates again.
 */
final class WorkspaceEvents implements WorkspaceService {
    private final CfnLanguageServer server;

    WorkspaceEvents(CfnLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        server.filesChanged();
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        for (FileEvent e : params.getChanges()) {
            if (server.dependsOn(Workspace.path(e.getUri()).orElse(null))) {
                server.filesChanged();
                return;
            }
        }
    }
}
