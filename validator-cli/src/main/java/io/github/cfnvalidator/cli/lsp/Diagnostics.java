package io.github.cfnvalidator.cli.lsp;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs checks one at a time on a thread of its own: an edit schedules a check after the debounce delay; a newer edit
 * of the same document cancels the pending one, and a check overtaken by an edit while it ran is dropped, never
 * published. For a client that pulls diagnostics nothing is scheduled: its request checks the current version. The latest check of each document is kept for pull requests, hover and code actions.
 */
final class Diagnostics implements AutoCloseable {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cfn-validator-lsp-check");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Check> latest = new ConcurrentHashMap<>();
    private final Map<String, OpenDocument> documents;
    private final Checker checker;
    private final Supplier<LanguageClient> client;
    private final Supplier<Boolean> push;
    private final AtomicLong dropped = new AtomicLong();

    Diagnostics(Map<String, OpenDocument> documents, Checker checker, Supplier<LanguageClient> client,
                Supplier<Boolean> push) {
        this.documents = documents;
        this.checker = checker;
        this.client = client;
        this.push = push;
    }

    /** Schedules a check of a document after a delay, replacing a pending one. */
    void schedule(String uri, long delayMillis) {
        long generation = generations.computeIfAbsent(uri, u -> new AtomicLong()).incrementAndGet();
        if (!push.get()) {
            return; // a pull client asks when it wants diagnostics: current() checks the version it asks about
        }
        ScheduledFuture<?> next = executor.schedule(() -> run(uri, generation), delayMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(uri, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** Checks every open document again (a configuration, parameter or rule file changed). */
    void scheduleAll() {
        latest.clear();
        documents.keySet().forEach(uri -> schedule(uri, 0));
    }

    /** Forgets a closed document and clears what the editor shows for it. */
    void close(String uri) {
        generations.computeIfAbsent(uri, u -> new AtomicLong()).incrementAndGet();
        ScheduledFuture<?> previous = pending.remove(uri);
        if (previous != null) {
            previous.cancel(false);
        }
        latest.remove(uri);
        if (push.get() && client.get() != null) {
            client.get().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    /** The check of the document's current version, made now on the check thread if the latest is older. */
    Check current(String uri) {
        try {
            return executor.submit(() -> currentHere(uri)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The latest check of a document, whatever its version. */
    Check latest(String uri) {
        return latest.get(uri);
    }

    /** The checker this runs. */
    Checker checker() {
        return checker;
    }

    /** How many finished checks were dropped because a newer edit had arrived. */
    long dropped() {
        return dropped.get();
    }

    /** Every latest check. */
    Map<String, Check> all() {
        return latest;
    }

    private Check currentHere(String uri) {
        OpenDocument d = documents.get(uri);
        if (d == null) {
            return null;
        }
        Check c = latest.get(uri);
        if (c != null && c.version() == d.version()) {
            return c;
        }
        c = compute(d);
        latest.put(uri, c);
        return c;
    }

    private void run(String uri, long generation) {
        if (generations.get(uri).get() != generation) {
            return;
        }
        OpenDocument d = documents.get(uri);
        if (d == null) {
            return;
        }
        Check c = compute(d);
        if (generations.get(uri).get() != generation) {
            dropped.incrementAndGet(); // a newer edit arrived while this ran: its own check will publish
            return;
        }
        latest.put(uri, c);
        LanguageClient to = client.get();
        if (push.get() && to != null) {
            to.publishDiagnostics(new PublishDiagnosticsParams(uri, c.diagnostics(), d.version()));
        }
    }

    private Check compute(OpenDocument d) {
        try {
            if (d.isGuard()) {
                List<Diagnostic> ds = GuardFileCheck.check(d.uri(), d.text());
                return new Check(d.uri(), d.version(), false, ds, List.of(), null, d.uri(), java.util.Set.of(),
                        d.text(), io.github.cfnvalidator.resolve.ParameterValues.empty());
            }
            return checker.check(d.uri(), d.version(), d.text());
        } catch (RuntimeException e) {
            System.err.println("cfn-validator lsp: checking " + d.uri() + " failed: " + e);
            org.eclipse.lsp4j.Position at = new org.eclipse.lsp4j.Position(0, 0);
            Diagnostic failed = new Diagnostic(new org.eclipse.lsp4j.Range(at, at), "cfn-validator could not check "
                    + "this document: " + e, org.eclipse.lsp4j.DiagnosticSeverity.Error, DiagnosticMapper.SOURCE);
            return new Check(d.uri(), d.version(), true, List.of(failed), List.of(), null, d.uri(),
                    java.util.Set.of(), d.text(), io.github.cfnvalidator.resolve.ParameterValues.empty());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
