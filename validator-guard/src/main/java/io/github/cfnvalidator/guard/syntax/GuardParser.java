package io.github.cfnvalidator.guard.syntax;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.data.ValuePath;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessQuery;
import io.github.cfnvalidator.guard.syntax.GuardAst.AllValues;
import io.github.cfnvalidator.guard.syntax.GuardAst.Block;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import io.github.cfnvalidator.guard.syntax.GuardAst.CmpOp;
import io.github.cfnvalidator.guard.syntax.GuardAst.FileLoc;
import io.github.cfnvalidator.guard.syntax.GuardAst.Filter;
import io.github.cfnvalidator.guard.syntax.GuardAst.GuardClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Key;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetExpr;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParameterizedRule;
import io.github.cfnvalidator.guard.syntax.GuardAst.QueryPart;
import io.github.cfnvalidator.guard.syntax.GuardAst.RClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.RWhen;
import io.github.cfnvalidator.guard.syntax.GuardAst.Rule;
import io.github.cfnvalidator.guard.syntax.GuardAst.RuleClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.RulesFile;
import io.github.cfnvalidator.guard.syntax.GuardAst.TypeBlock;
import io.github.cfnvalidator.guard.syntax.GuardAst.ValueLit;
import io.github.cfnvalidator.guard.syntax.GuardAst.WhenBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A parser for the Guard 3 rule language that accepts exactly what cfn-guard 3.1.1's parser accepts. cfn-guard's
 * parser is a combinator grammar with ordered choice, backtracking on recoverable errors and "cut" points that turn
 * a failure into a hard error; this class follows the same structure, one method per grammar production, so the
 * same text yields the same tree (keywords such as {@code in}, {@code this}, {@code when} or {@code null} match as
 * prefixes, as they do there). Errors carry the rule file's line and column.
 *
 * <p>The grammar is layered, each layer a package-private class that this one extends: {@link GuardCursor} (positions,
 * failures, cut points, whitespace, separated lists, memoisation), {@link GuardLiteralGrammar} (literal values),
 * {@link GuardQueryGrammar} (names, operators, access paths), {@link GuardClauseGrammar} (clauses, assignments,
 * blocks); this class holds type blocks, when blocks, rules, parameterized rules and the file.
 */
public final class GuardParser extends GuardClauseGrammar {
    private GuardParser(String text, String fileName) {
        super(text, fileName);
    }

    /**
     * Parses a whole rule file.
     *
     * @param text     the file's text
     * @param fileName the name used for the default rule ({@code <file>/default}) and in locations
     * @return the parsed file, or {@code null} when the file holds only blanks and comments
     * @throws GuardParseException with the line and column of the problem
     */
    public static RulesFile parse(String text, String fileName) throws GuardParseException {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        GuardParser p = new GuardParser(t, fileName);
        try {
            return p.rulesFile();
        } catch (Fail f) {
            throw p.problem(Math.max(f.pos, 0), f.context);
        } catch (Err e) {
            throw p.problem(p.furthest, p.furthestWhat.isEmpty() ? "unexpected text" : p.furthestWhat);
        } catch (StackOverflowError e) {
            throw p.problem(0, "the rules are nested too deeply to parse");
        }
    }

    private R<String> typeName(int p) {
        try {
            R<String> a = varName(p);
            int q = tag(a.p(), "::");
            R<String> b = varName(q);
            q = tag(b.p(), "::");
            R<String> c = varName(q);
            q = c.p();
            if (starts(q, "::MODULE")) {
                q += 8;
            }
            return new R<>(a.v() + "::" + b.v() + "::" + c.v(), q);
        } catch (Err e) {
            R<String> a = varName(p);
            int q = tag(a.p(), "::");
            R<String> b = varName(q);
            return new R<>(a.v() + "::" + b.v(), b.p());
        }
    }

    private R<TypeBlock> typeBlock(int p) {
        FileLoc location = loc(p);
        R<String> name = typeName(p);
        int[] o = new int[1];
        cut(name.p(), "expected a space after the type name", x -> new R<>(null, ws1(x)), o);
        int q = o[0];
        List<List<GuardClause>> conditions = null;
        try {
            R<List<List<GuardClause>>> w = whenConditions(q);
            conditions = w.v();
            q = w.p();
        } catch (Err e) {
            // no when
        }
        Block<GuardClause> block;
        if (conditions != null) {
            block = cut(q, "expected '{' after the type's when conditions", x -> block(x, this::clause), o);
            q = o[0];
        } else {
            try {
                R<Block<GuardClause>> b = block(q, this::clause);
                block = b.v();
                q = b.p();
            } catch (Err e) {
                GuardClause single = cut(q, "expected '{' or a clause after the type name",
                        x -> clause(ws0(x)), o);
                block = new Block<>(List.of(), List.of(List.of(single)));
                q = o[0];
            }
        }
        AccessClause typeCheck = new AccessClause(new AccessQuery(List.of(new Key("Type")), true),
                new Cmp(CmpOp.EQ, false), new ValueLit(new GuardValue.Str(ValuePath.ROOT, name.v())), null,
                location, false);
        List<QueryPart> query = List.of(new Key("Resources"), new AllValues(null),
                new Filter(null, List.of(List.of(typeCheck))));
        return new R<>(new TypeBlock(name.v(), conditions, block, query), q);
    }

    @Override
    R<WhenBlock> whenBlock(int p, P<GuardClause> blockFn) {
        R<List<List<GuardClause>>> conds = whenConditions(ws0(p));
        R<Block<GuardClause>> block = block(conds.p(), blockFn);
        return new R<>(new WhenBlock(conds.v(), block.v()), block.p());
    }

    private R<RuleClause> ruleBlockClause(int p) {
        int q = ws0(p);
        try {
            R<TypeBlock> t = typeBlock(q);
            return new R<>(t.v(), t.p());
        } catch (Err e) {
            // next
        }
        try {
            R<List<List<GuardClause>>> conds = whenConditions(q);
            R<Block<GuardClause>> block = block(conds.p(), this::clauseOrRuleClause);
            return new R<>(new RWhen(conds.v(), block.v()), block.p());
        } catch (Err e) {
            // next
        }
        R<GuardClause> c = clauseOrRuleClause(q);
        return new R<>(new RClause(c.v()), c.p());
    }

    private R<Rule> ruleBlock(int p) {
        int q = tag(ws0(p), "rule");
        q = ws1(q);
        int[] o = new int[1];
        String name = cut(q, "expected the rule's name", this::varName, o);
        q = o[0];
        List<List<GuardClause>> conditions = null;
        try {
            R<List<List<GuardClause>>> w = whenConditions(q);
            conditions = w.v();
            q = w.p();
        } catch (Err e) {
            // no when
        }
        Block<RuleClause> block = cut(q, "expected '{' to start the body of rule " + name,
                x -> block(x, this::ruleBlockClause), o);
        return new R<>(new Rule(name, conditions, block), o[0]);
    }

    private R<List<String>> parameterNames(int p) {
        int q = ch(p, '(');
        R<List<String>> names = separatedNonEmptyList(q, x -> ch(x, ','), x -> {
            int[] o = new int[1];
            String v = cut(x, "expected a parameter name", y -> {
                R<String> nm = varName(multispace0(y));
                return new R<>(nm.v(), multispace0(nm.p()));
            }, o);
            return new R<>(v, o[0]);
        });
        if (at(names.p()) != ')') {
            throw new Fail(names.p(), "expected ')' to close the parameter list");
        }
        List<String> unique = new ArrayList<>();
        for (String nm : names.v()) {
            if (!unique.contains(nm)) {
                unique.add(nm);
            }
        }
        return new R<>(unique, names.p() + 1);
    }

    private R<ParameterizedRule> parameterizedRuleBlock(int p) {
        int q = tag(ws0(p), "rule");
        q = ws1(q);
        int[] o = new int[1];
        String name = cut(q, "expected the rule's name", this::varName, o);
        R<List<String>> params = parameterNames(o[0]);
        Block<RuleClause> block = cut(params.p(), "expected '{' to start the body of rule " + name,
                x -> block(x, this::ruleBlockClause), o);
        return new R<>(new ParameterizedRule(List.copyOf(params.v()), new Rule(name, null, block)), o[0]);
    }

    private sealed interface Expr permits EAssign, EParamRule, ERule, EDefault {
    }

    private record EAssign(LetExpr v) implements Expr {
    }

    private record EParamRule(ParameterizedRule v) implements Expr {
    }

    private record ERule(Rule v) implements Expr {
    }

    private record EDefault(List<RuleClause> v) implements Expr {
    }

    private R<Expr> topLevel(int p) {
        try {
            R<LetExpr> a = assignment(p);
            return new R<>(new EAssign(a.v()), a.p());
        } catch (Err e) {
            // next
        }
        try {
            R<ParameterizedRule> r = parameterizedRuleBlock(p);
            return new R<>(new EParamRule(r.v()), r.p());
        } catch (Err e) {
            // next
        }
        try {
            R<Rule> r = ruleBlock(p);
            return new R<>(new ERule(r.v()), r.p());
        } catch (Err e) {
            // next
        }
        try {
            R<List<TypeBlock>> t = disjunctionClauses(p, this::typeBlock);
            return new R<>(new EDefault(List.copyOf(t.v())), t.p());
        } catch (Err e) {
            // next
        }
        try {
            R<WhenBlock> w = whenBlock(p, this::clauseOrRuleClause);
            return new R<>(new EDefault(List.of(new RWhen(w.v().conditions(), w.v().block()))), w.p());
        } catch (Err e) {
            // next
        }
        R<List<GuardClause>> d = disjunctionClauses(p, this::clause);
        List<RuleClause> clauses = new ArrayList<>();
        for (GuardClause c : d.v()) {
            clauses.add(new RClause(c));
        }
        return new R<>(new EDefault(List.copyOf(clauses)), d.p());
    }

    private RulesFile rulesFile() {
        int p = ws0(0);
        if (p >= n) {
            return null;
        }
        List<Expr> exprs = new ArrayList<>();
        while (true) {
            R<Expr> e;
            try {
                e = topLevel(ws0(p));
            } catch (Err err) {
                if (exprs.isEmpty()) {
                    throw err;
                }
                break;
            }
            int q = ws0(e.p());
            if (!exprs.isEmpty() && q == p) {
                throw new Fail(p, "no progress");
            }
            exprs.add(e.v());
            p = q;
        }
        if (p < n) {
            // as cfn-guard (all_consuming after fold_many1): the error is where the first unreadable statement starts
            throw new Fail(p, "expected 'let', 'rule', a type block or a clause");
        }
        List<LetExpr> assignments = new ArrayList<>();
        List<List<RuleClause>> defaults = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<ParameterizedRule> parameterized = new ArrayList<>();
        for (Expr e : exprs) {
            if (e instanceof EAssign a) {
                assignments.add(a.v());
            } else if (e instanceof EParamRule r) {
                parameterized.add(r.v());
            } else if (e instanceof ERule r) {
                rules.add(r.v());
            } else {
                defaults.add(((EDefault) e).v());
            }
        }
        if (!defaults.isEmpty()) {
            String name = fileName.isBlank() ? "default" : fileName + "/default";
            rules.add(0, new Rule(name, null, new Block<>(List.of(), List.copyOf(defaults))));
        }
        return new RulesFile(List.copyOf(assignments), List.copyOf(rules), List.copyOf(parameterized));
    }

    /** Parses one literal value, as written on the right of a comparison. */
    static GuardValue parseLiteral(String text) throws GuardParseException {
        GuardParser p = new GuardParser(text, "");
        try {
            return p.parseValue(0).v();
        } catch (Err | Fail e) {
            throw p.problem(p.furthest, "not a value");
        }
    }
}