package io.github.cfnvalidator.guard.syntax;

import io.github.cfnvalidator.guard.data.GuardJson;
import io.github.cfnvalidator.guard.data.GuardValue;
import java.util.List;

/**
 * The abstract syntax of a Guard 3 rule file, one immutable node type per construct of cfn-guard's grammar. Display
 * forms ({@code toString}) follow cfn-guard's, because reports quote them as clause contexts.
 */
public final class GuardAst {
    private GuardAst() {
    }

    /** Comparison operators. */
    public enum CmpOp {
        EQ("Eq", "EQUALS"), IN("In", "IN"), GT("Gt", "GREATER THAN"), LT("Lt", "LESS THAN"),
        LE("Le", "LESS THAN EQUALS"), GE("Ge", "GREATER THAN EQUALS"), EXISTS("Exists", "EXISTS"),
        EMPTY("Empty", "EMPTY"), IS_STRING("IsString", "IS STRING"), IS_LIST("IsList", "IS LIST"),
        IS_MAP("IsMap", "IS MAP"), IS_BOOL("IsBool", "IS BOOL"), IS_INT("IsInt", "IS INT"),
        IS_FLOAT("IsFloat", "IS FLOAT"), IS_NULL("IsNull", "IS NULL");

        /** The operator's name in cfn-guard's JSON reports. */
        public final String serdeName;
        /** The operator as cfn-guard displays it in messages. */
        public final String display;

        CmpOp(String serdeName, String display) {
            this.serdeName = serdeName;
            this.display = display;
        }

        /** Whether the operator takes no right-hand side (EXISTS, EMPTY, IS_STRING ...). */
        public boolean unary() {
            switch (this) {
                case EQ:
                case IN:
                case GT:
                case LT:
                case LE:
                case GE:
                    return false;
                default:
                    return true;
            }
        }
    }

    /** An operator and whether it is negated ({@code !=}, {@code not in}, {@code !exists}). */
    public record Cmp(CmpOp op, boolean not) {
        /** cfn-guard's {@code display_comparator}: {@code "not EQUALS "}. */
        String display() {
            return (not ? "not " : "") + op.display + " ";
        }
    }

    /** Where a construct starts in the rule file (1-based). */
    record FileLoc(String file, int line, int column) {
        @Override
        public String toString() {
            return "Location[file:" + file + ", line:" + line + ", column:" + column + "]";
        }
    }

    /** One step of a query. */
    public sealed interface QueryPart permits This, Key, MapKeyFilter, AllValues, AllIndices, Index, Filter {
    }

    /** {@code this}. */
    public record This() implements QueryPart {
        @Override
        public String toString() {
            return "_";
        }
    }

    /**
     * A key ({@code Properties}, {@code 'quoted'}) or a variable ({@code %name}). Keys that read as a 32-bit
     * integer index lists; the case-converted forms cfn-guard falls back to are computed once here.
     */
    public static final class Key implements QueryPart {
        /** The key as written. */
        public final String name;
        /** The key as a list index, or null when it is not a 32-bit integer. */
        public final Integer index;
        private volatile String[] conversions;

        Key(String name) {
            this.name = name;
            this.index = parseI32(name);
        }

        /** The case-converted forms, computed on first need (only when the key is missing from a map). */
        public String[] conversions() {
            String[] c = conversions;
            if (c == null) {
                c = GuardInflector.conversions(name);
                conversions = c;
            }
            return c;
        }

        /** Whether the key names a variable ({@code %name}). */
        public boolean isVariable() {
            return name.startsWith("%");
        }

        /** The variable name, without the {@code %}. */
        public String variable() {
            return name.substring(1);
        }

        @Override
        public String toString() {
            return name;
        }

        private static Integer parseI32(String s) {
            if (s.isEmpty() || s.length() > 11) {
                return null;
            }
            int i = 0;
            if (s.charAt(0) == '+' || s.charAt(0) == '-') {
                i = 1;
            }
            if (i == s.length()) {
                return null;
            }
            for (int j = i; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
            }
            try {
                return Integer.parseInt(s.charAt(0) == '+' ? s.substring(1) : s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** {@code [ keys == /x/ ]}, optionally capturing the keys as {@code [ name | keys ... ]}. */
    public record MapKeyFilter(String name, Cmp cmp, LetValue compareWith) implements QueryPart {
        @Override
        public String toString() {
            return (name == null ? "" : name) + " (map-key-filter-clauses)";
        }
    }

    /** {@code *}, or {@code [ name ]} capturing map keys. */
    public record AllValues(String name) implements QueryPart {
        @Override
        public String toString() {
            return "*";
        }
    }

    /** {@code [*]}, or {@code [name]}. */
    public record AllIndices(String name) implements QueryPart {
        @Override
        public String toString() {
            return "[*]";
        }
    }

    /** {@code [3]} or {@code .3}. */
    public record Index(int index) implements QueryPart {
        @Override
        public String toString() {
            return Integer.toString(index);
        }
    }

    /** {@code [ Type == 'x' ]}, optionally capturing keys as {@code [ name | ... ]}. */
    public record Filter(String name, List<List<GuardClause>> conjunctions) implements QueryPart {
        @Override
        public String toString() {
            return (name == null ? "" : name) + " (filter-clauses)";
        }
    }

    /** A query: its parts, and whether every value must satisfy it ({@code false} after {@code some}). */
    public record AccessQuery(List<QueryPart> parts, boolean matchAll) {
        @Override
        public String toString() {
            return sliceDisplay(parts);
        }
    }

    /** cfn-guard's SliceDisplay: parts joined by dots, {@code .[} shortened to {@code [}. */
    public static String sliceDisplay(List<?> parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(parts.get(i));
        }
        return sb.toString().replace(".[", "[");
    }

    /** The right-hand side of a comparison or an assignment. */
    public sealed interface LetValue permits ValueLit, Access, Call {
    }

    /** A literal. */
    public record ValueLit(GuardValue value) implements LetValue {
        @Override
        public String toString() {
            return GuardJson.valueOnly(value);
        }
    }

    /** A query. */
    public record Access(AccessQuery query) implements LetValue {
        @Override
        public String toString() {
            return query.toString();
        }
    }

    /** A function call. */
    public record Call(FunctionExpr call) implements LetValue {
        @Override
        public String toString() {
            return call.toString();
        }
    }

    /** {@code name(arg, ...)}. */
    public record FunctionExpr(String name, List<LetValue> parameters, FileLoc location) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(name).append('(');
            for (int i = 0; i < parameters.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(parameters.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /** {@code let name = value}. */
    public record LetExpr(String var, LetValue value) {
    }

    /** Anything that can stand in a block. */
    public sealed interface GuardClause permits AccessClause, NamedRuleRef, ParamRuleCall, BlockClause, WhenBlock {
    }

    /** {@code [not] query OP [rhs] [<< message >>]}. */
    public static final class AccessClause implements GuardClause {
        public final AccessQuery query;
        public final Cmp cmp;
        public final LetValue compareWith;
        public final String customMessage;
        final FileLoc location;
        public final boolean negation;
        public final String blockContext;
        private final String display;

        AccessClause(AccessQuery query, Cmp cmp, LetValue compareWith, String customMessage, FileLoc location,
                     boolean negation) {
            this.query = query;
            this.cmp = cmp;
            this.compareWith = compareWith;
            this.customMessage = customMessage;
            this.location = location;
            this.negation = negation;
            this.display = (negation ? "not" : "") + " " + query + " " + cmp.display() + " "
                    + (compareWith == null ? "" : compareWith.toString());
            this.blockContext = "GuardAccessClause#block" + display;
        }

        @Override
        public String toString() {
            return display;
        }
    }

    /** A reference to a named rule: {@code [not] rule_name [<< message >>]}. */
    public record NamedRuleRef(String rule, boolean negation, String customMessage, FileLoc location)
            implements GuardClause {
        @Override
        public String toString() {
            return "Rule(" + rule + "@" + location + ")";
        }
    }

    /** A call of a parameterized rule: {@code [not] rule_name(args) [<< message >>]}. */
    public record ParamRuleCall(List<LetValue> parameters, NamedRuleRef named) implements GuardClause {
    }

    /** {@code query [not empty] { ... }}. */
    public record BlockClause(AccessQuery query, Block<GuardClause> block, FileLoc location, boolean notEmpty,
                       String context, String accessContext) implements GuardClause {
        BlockClause(AccessQuery query, Block<GuardClause> block, FileLoc location, boolean notEmpty) {
            this(query, block, location, notEmpty, "BlockGuardClause#" + location,
                    "GuardBlockAccessClause#" + location);
        }
    }

    /** {@code when conditions { ... }} inside a block. */
    public record WhenBlock(List<List<GuardClause>> conditions, Block<GuardClause> block) implements GuardClause {
    }

    /** A block: its assignments and its conjunction of disjunctions. */
    public record Block<T>(List<LetExpr> assignments, List<List<T>> conjunctions) {
    }

    /** What a rule's body holds. */
    public sealed interface RuleClause permits RClause, RWhen, TypeBlock {
    }

    /** A clause. */
    public record RClause(GuardClause clause) implements RuleClause {
    }

    /** {@code when conditions { ... }}. */
    public record RWhen(List<List<GuardClause>> conditions, Block<GuardClause> block) implements RuleClause {
    }

    /** {@code AWS::S3::Bucket [when ...] { ... }}: its block runs on every resource of that type. */
    public record TypeBlock(String typeName, List<List<GuardClause>> conditions, Block<GuardClause> block,
                     List<QueryPart> query) implements RuleClause {
    }

    /** A named rule ({@code rule name [when ...] { ... }}) or the file's default rule. */
    public record Rule(String name, List<List<GuardClause>> conditions, Block<RuleClause> block) {
    }

    /** {@code rule name(param, ...) { ... }}. */
    public record ParameterizedRule(List<String> parameterNames, Rule rule) {
    }

    /** A whole rule file. */
    public record RulesFile(List<LetExpr> assignments, List<Rule> rules, List<ParameterizedRule> parameterizedRules) {
    }
}
