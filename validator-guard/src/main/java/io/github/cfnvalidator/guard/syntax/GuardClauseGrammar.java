package io.github.cfnvalidator.guard.syntax;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.syntax.GuardAst.Access;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessQuery;
import io.github.cfnvalidator.guard.syntax.GuardAst.Block;
import io.github.cfnvalidator.guard.syntax.GuardAst.BlockClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Call;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import io.github.cfnvalidator.guard.syntax.GuardAst.FileLoc;
import io.github.cfnvalidator.guard.syntax.GuardAst.FunctionExpr;
import io.github.cfnvalidator.guard.syntax.GuardAst.GuardClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetExpr;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetValue;
import io.github.cfnvalidator.guard.syntax.GuardAst.NamedRuleRef;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParamRuleCall;
import io.github.cfnvalidator.guard.syntax.GuardAst.ValueLit;
import io.github.cfnvalidator.guard.syntax.GuardAst.WhenBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The clause productions of the Guard rule grammar: access clauses, function calls and parameterized rule calls, named
 * rule references, when clauses, conjunctions of disjunctions, assignments and blocks.
 */
abstract class GuardClauseGrammar extends GuardQueryGrammar {
    GuardClauseGrammar(String text, String fileName) {
        super(text, fileName);
    }

    /** A when block, as a clause inside a block (the rule grammar's production). */
    abstract R<WhenBlock> whenBlock(int p, P<GuardClause> blockFn);

    // ------------------------------------------------------------------ clauses

    private R<AccessClause> clauseWithMap(int p) {
        return memo(3, p, this::clauseWithMapRaw);
    }

    private R<AccessClause> clauseWithMapRaw(int p) {
        FileLoc location = loc(p);
        int q = ws0(p);
        int[] o = new int[1];
        boolean negation = tryNot(q, o);
        q = o[0];
        R<AccessQuery> query = access(q);
        int c = ws0(query.p());
        R<Cmp> cmp = valueCmp(c);
        if (cmp.v().op().unary()) {
            R<String> msg = optCustomMessage(ws0(cmp.p()));
            return new R<>(new AccessClause(query.v(), cmp.v(), null, msg.v(), location, negation), msg.p());
        }
        int r = cmp.p();
        R<LetValue> rhs;
        try {
            rhs = clauseRhs(r);
        } catch (Fail f) {
            // cfn-guard wraps the right-hand side in a context: any failure inside is reported where it starts
            throw new Fail(r, f.context);
        }
        R<String> msg = optCustomMessage(ws0(rhs.p()));
        return new R<>(new AccessClause(query.v(), cmp.v(), rhs.v(), msg.v(), location, negation), msg.p());
    }

    /** A clause's right-hand side: a value, a function call or a query, in that order (cut: one must parse). */
    private R<LetValue> clauseRhs(int r) {
        try {
            R<GuardValue> v = parseValue(r);
            return new R<>(new ValueLit(v.v()), v.p());
        } catch (Err e1) {
            // next alternative
        }
        try {
            R<FunctionExpr> f = functionExpr(ws0(r));
            return new R<>(new Call(f.v()), f.p());
        } catch (Err e2) {
            // next alternative
        }
        try {
            R<AccessQuery> a = access(ws0(r));
            return new R<>(new Access(a.v()), a.p());
        } catch (Err e3) {
            throw new Fail(r, "expected a property access like \"engine.core\", a value like \"string\" "
                    + "or [\"this\", \"that\"], or a function call after the operator");
        }
    }

    private R<GuardClause> blockClause(int p) {
        FileLoc location = loc(p);
        R<AccessQuery> query = access(p);
        int q = query.p();
        boolean notEmpty = false;
        try {
            int x = not(ws0(q));
            q = tag2(x, "EMPTY", "empty");
            notEmpty = true;
        } catch (Err e) {
            q = query.p();
        }
        R<Block<GuardClause>> block = block(q, this::clause);
        return new R<>(new BlockClause(query.v(), block.v(), location, notEmpty), block.p());
    }

    private R<FunctionExpr> functionExpr(int p) {
        FileLoc location = loc(p);
        R<String> name = varName(p);
        R<List<LetValue>> params = callArgs(name.p());
        return new R<>(new FunctionExpr(name.v(), params.v(), location), params.p());
    }

    private R<LetValue> letValue(int p) {
        int q = ws0(p);
        try {
            R<GuardValue> v = parseValue(q);
            return new R<>(new ValueLit(v.v()), v.p());
        } catch (Err e) {
            // next
        }
        try {
            R<FunctionExpr> f = functionExpr(q);
            return new R<>(new Call(f.v()), f.p());
        } catch (Err e) {
            // next
        }
        R<AccessQuery> a = access(q);
        return new R<>(new Access(a.v()), a.p());
    }

    private R<List<LetValue>> callArgs(int p) {
        int q = ch(p, '(');
        R<List<LetValue>> args = separatedNonEmptyList(q, x -> ch(x, ','), x -> {
            int[] o = new int[1];
            LetValue v = cut(x, multispace0(x), "expected a function or rule argument", y -> {
                R<LetValue> lv = letValue(multispace0(y));
                return new R<>(lv.v(), multispace0(lv.p()));
            }, o);
            return new R<>(v, o[0]);
        });
        if (at(args.p()) != ')') {
            throw new Fail(args.p(), "expected ')' to close the argument list");
        }
        return new R<>(args.v(), args.p() + 1);
    }

    private R<ParamRuleCall> parameterizedRuleCall(int p) {
        FileLoc location = loc(p);
        int[] o = new int[1];
        boolean negation = tryNot(p, o);
        R<String> name = varName(o[0]);
        R<List<LetValue>> args = callArgs(name.p());
        int q = args.p();
        String message = null;
        int w = ws0(q);
        if (starts(w, "<<")) {
            R<String> m = customMessage(w);
            message = m.v();
            q = m.p();
        }
        return new R<>(new ParamRuleCall(args.v(), new NamedRuleRef(name.v(), negation, message, location)), q);
    }

    @Override
    R<GuardClause> clause(int p) {
        return memo(2, p, this::clauseRaw);
    }

    /** clause: when-block | block clause | parameterized rule call | access clause. */
    private R<GuardClause> clauseRaw(int p) {
        try {
            R<WhenBlock> w = whenBlock(p, this::clause);
            return new R<>(w.v(), w.p());
        } catch (Err e) {
            // next
        }
        try {
            return blockClause(p);
        } catch (Err e) {
            // next
        }
        try {
            R<ParamRuleCall> c = parameterizedRuleCall(p);
            return new R<>(c.v(), c.p());
        } catch (Err e) {
            // next
        }
        R<AccessClause> a = clauseWithMap(p);
        return new R<>(a.v(), a.p());
    }

    private boolean newlineAt(int p) {
        return at(p) == '\n' || (at(p) == '\r' && at(p + 1) == '\n');
    }

    private boolean orJoinAt(int p) {
        try {
            orJoin(p);
            return true;
        } catch (Err e) {
            return false;
        }
    }

    /** A reference to a named rule, with an optional message. */
    private R<GuardClause> ruleClause(int p) {
        FileLoc location = loc(p);
        int[] o = new int[1];
        boolean negation = tryNot(p, o);
        R<String> name = varName(o[0]);
        int r = name.p();
        int sp = space0(r);
        boolean done = r >= n || newlineAt(sp) || at(sp) == '#' || at(sp) == '{' || orJoinAt(r);
        if (done) {
            return new R<>(new NamedRuleRef(name.v(), negation, null, location), r);
        }
        int[] m = new int[1];
        String message = cut(sp, "expected the end of the line, 'or', or a << message >> after the rule name",
                this::customMessage, m);
        return new R<>(new NamedRuleRef(name.v(), negation, message, location), m[0]);
    }

    R<GuardClause> clauseOrRuleClause(int p) {
        try {
            return clause(p);
        } catch (Err e) {
            return ruleClause(p);
        }
    }

    private R<GuardClause> whenClause(int p) {
        try {
            R<AccessClause> a = clauseWithMap(p);
            return new R<>(a.v(), a.p());
        } catch (Err e) {
            // next
        }
        try {
            R<ParamRuleCall> c = parameterizedRuleCall(p);
            return new R<>(c.v(), c.p());
        } catch (Err e) {
            // next
        }
        return ruleClause(p);
    }

    private int orJoin(int p) {
        int q = ws0(p);
        if (starts(q, "or") || starts(q, "OR")) {
            q += 2;
        } else if (starts(q, "|OR|")) {
            q += 4;
        } else {
            throw err(q, "expected 'or'");
        }
        return ws1(q);
    }

    <T> R<List<T>> disjunctionClauses(int p, P<T> parser) {
        return separatedNonEmptyList(p, this::orJoin, x -> parser.parse(ws0(x)));
    }

    @Override
    <T> R<List<List<T>>> cnfClauses(int p, P<T> parser) {
        List<List<T>> conjunctions = new ArrayList<>();
        int rest = p;
        while (true) {
            R<List<T>> d;
            try {
                d = disjunctionClauses(rest, parser);
            } catch (Err e) {
                if (conjunctions.isEmpty()) {
                    throw new Fail(p, "there were no clauses present");
                }
                return new R<>(conjunctions, rest);
            }
            rest = d.p();
            conjunctions.add(List.copyOf(d.v()));
        }
    }

    private R<List<List<GuardClause>>> singleClauses(int p) {
        return cnfClauses(p, this::whenClause);
    }

    // ------------------------------------------------------------------ assignments, blocks, rules

    private R<String> letAssignmentExpr(int p) {
        int q = tag(p, "let");
        R<String> name = varName(ws1(q));
        int w = ws0(name.p());
        if (starts(w, "=")) {
            return new R<>(name.v(), w + 1);
        }
        if (starts(w, ":=")) {
            return new R<>(name.v(), w + 2);
        }
        throw new Fail(w, "expected '=' or ':=' after 'let " + name.v() + "'");
    }

    R<LetExpr> assignment(int p) {
        R<String> var = letAssignmentExpr(p);
        int q = var.p();
        try {
            R<GuardValue> v = parseValue(q);
            return new R<>(new LetExpr(var.v(), new ValueLit(v.v())), v.p());
        } catch (Err e) {
            // not a literal
        }
        try {
            R<FunctionExpr> f = functionExpr(ws0(q));
            return new R<>(new LetExpr(var.v(), new Call(f.v())), f.p());
        } catch (Err | Fail e) {
            // not a function call
        }
        try {
            R<AccessQuery> a = access(ws0(q));
            return new R<>(new LetExpr(var.v(), new Access(a.v())), a.p());
        } catch (Err e) {
            throw new Fail(ws0(q), "expected a value, a query or a function call after 'let " + var.v() + " ='");
        }
    }

    R<List<List<GuardClause>>> whenConditions(int p) {
        int q = tag2(ws0(p), "when", "WHEN");
        int[] o = new int[1];
        List<List<GuardClause>> conds = cut(q, "expected conditions after 'when'", x -> singleClauses(ws1(x)), o);
        return new R<>(conds, o[0]);
    }

    <T> R<Block<T>> block(int p, P<T> clauseParser) {
        int q = ch(ws0(p), '{');
        List<LetExpr> assignments = new ArrayList<>();
        List<List<T>> conjunctions = new ArrayList<>();
        boolean any = false;
        while (true) {
            int before = q;
            try {
                R<LetExpr> a = assignment(ws0(q));
                assignments.add(a.v());
                q = a.p();
            } catch (Err e) {
                try {
                    R<List<T>> d = disjunctionClauses(q, clauseParser);
                    conjunctions.add(List.copyOf(d.v()));
                    q = d.p();
                } catch (Err e2) {
                    if (!any) {
                        throw err(q, "expected a clause or an assignment inside '{ }'");
                    }
                    break;
                }
            }
            if (any && q == before) {
                throw new Fail(q, "block item consumed nothing");
            }
            any = true;
        }
        int w = ws0(q);
        if (at(w) != '}') {
            throw new Fail(w, "expected '}' or another clause");
        }
        return new R<>(new Block<>(List.copyOf(assignments), List.copyOf(conjunctions)), w + 1);
    }
}
