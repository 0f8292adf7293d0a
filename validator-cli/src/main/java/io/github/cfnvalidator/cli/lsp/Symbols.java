package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.cli.lsp.TemplateIndex.Kind;
import io.github.cfnvalidator.resolve.ParameterDomain;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.Scenario;
import io.github.cfnvalidator.template.Template;
import io.github.cfnvalidator.template.TemplateParseException;

import org.eclipse.lsp4j.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hover on template names, as the resolver sees them: a parameter's admissible domain (what a deployer may pass,
 * not its Default), and which parameter values make a condition true and which false.
 */
final class Symbols {
    private Symbols() {
    }

    /** The hover text for the name at a position, or {@code null}. */
    static String hover(Check c, Position p) {
        Optional<TemplateIndex> index = TemplateIndex.of(c);
        if (index.isEmpty()) {
            return null;
        }
        TemplateIndex.Reference ref = index.get().referenceAt(p).orElse(null);
        TemplateIndex.Declaration decl = index.get().declarationAt(p).orElse(null);
        Kind kind = ref != null ? ref.kind() : decl != null ? decl.kind() : null;
        String name = ref != null ? ref.name() : decl != null ? decl.name() : null;
        if (kind != Kind.PARAMETER && kind != Kind.CONDITION) {
            return null;
        }
        Resolver resolver;
        try {
            resolver = Resolver.of(Template.of(c.root()), c.pinned());
        } catch (TemplateParseException | RuntimeException e) {
            return null;
        }
        return kind == Kind.PARAMETER ? parameter(resolver, name) : condition(resolver, name);
    }

    static String parameter(Resolver resolver, String name) {
        Optional<ParameterDomain> d = resolver.domain(name);
        if (d.isEmpty()) {
            return null;
        }
        ParameterDomain domain = d.get();
        StringBuilder s = new StringBuilder("**Parameter " + name + "**");
        s.append(domain.isPseudo() ? " (pseudo parameter)" : "").append("\n\nAdmissible values: ");
        if (domain.pinned().isPresent()) {
            s.append("`").append(domain.pinned().get()).append("`, pinned")
                    .append(domain.pinnedSource().map(x -> " by " + x).orElse(""));
        } else if (domain.finiteValues().isPresent()) {
            s.append(String.join(", ", domain.finiteValues().get().stream().map(v -> "`" + v + "`").toList()));
        } else if (domain.kind() == ParameterDomain.Kind.UNKNOWN) {
            s.append("not knowable before deploy (").append(domain.unknownReason()).append(")");
        } else {
            s.append(kindName(domain.kind())).append(domain.describeConstraints(Set.of()));
        }
        s.append("\n\nEvery admissible value is checked; a Default never narrows this.");
        return s.toString();
    }

    static String condition(Resolver resolver, String name) {
        List<Resolver.Decision> decisions = resolver.condition(null, name, Scenario.ANY);
        if (decisions.isEmpty()) {
            return null;
        }
        List<String> whenTrue = new ArrayList<>();
        List<String> whenFalse = new ArrayList<>();
        for (Resolver.Decision d : decisions) {
            String w = d.scenario().describe();
            (d.value() ? whenTrue : whenFalse).add(w.isEmpty() ? "every deployment" : w);
        }
        StringBuilder s = new StringBuilder("**Condition " + name + "**\n\n");
        s.append("true when: ").append(whenTrue.isEmpty() ? "never" : String.join("; ", whenTrue)).append("\n\n");
        s.append("false when: ").append(whenFalse.isEmpty() ? "never" : String.join("; ", whenFalse));
        return s.toString();
    }

    private static String kindName(ParameterDomain.Kind k) {
        return switch (k) {
            case NUMBER -> "any number";
            case STRING -> "a string";
            case LIST -> "a list";
            case UNKNOWN -> "unknown";
        };
    }
}
