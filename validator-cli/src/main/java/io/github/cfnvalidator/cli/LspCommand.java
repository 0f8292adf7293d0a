package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.cli.lsp.CfnLanguageServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;

/**
 * {@code cfn-validator lsp}: the language server, speaking JSON-RPC on standard input and output (or on one
 * loopback TCP connection with {@code --socket PORT}). Standard output carries nothing but protocol: everything
 * else printed by this process goes to standard error.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Runs the language server: diagnostics, hover, navigation and code actions for CloudFormation "
                + "templates in an editor (docs/lsp.md).")
public final class LspCommand implements Callable<Integer> {
    @Option(names = "--socket", paramLabel = "PORT",
            description = "Listen on 127.0.0.1:PORT for one client instead of using standard input and output.")
    Integer socket;

    @Override
    public Integer call() throws IOException {
        PrintStream protocolOut = System.out;
        System.setOut(System.err); // a stray print must never corrupt the protocol stream
        if (socket == null) {
            return serve(System.in, protocolOut);
        }
        try (ServerSocket server = new ServerSocket(socket, 1, InetAddress.getLoopbackAddress())) {
            System.err.println("cfn-validator lsp: listening on " + server.getLocalSocketAddress());
            try (Socket client = server.accept()) {
                return serve(client.getInputStream(), client.getOutputStream());
            }
        }
    }

    private static int serve(InputStream in, OutputStream out) {
        return CfnLanguageServer.run(in, out);
    }
}
