package io.github.cfnvalidator.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed CloudFormation template: the node tree plus typed views of its sections. Immutable; build one with
 * {@link TemplateReader} or {@link #of(Node)}. Terraform plan JSON and SageMaker describe output are read as
 * templates too ({@link #inputKind}, {@link #asTemplateTree}): their resources appear under {@code Resources} with
 * CloudFormation types and property names, every node keeping its position in the file.
 */
public final class Template {
    /** The key of a macro call ({@code AWS::Include} and others), which CloudFormation accepts in any section. */
    public static final String TRANSFORM_KEY = "Fn::Transform";
    /** The key prefix of an {@code AWS::LanguageExtensions} loop. */
    public static final String FOR_EACH_PREFIX = "Fn::ForEach::";
    /**
     * The call that stands, in a tree read from a Terraform plan, for a value Terraform knows only after apply
     * ({@code after_unknown}); its argument names the value ({@code address.attribute[0].path}). The resolver
     * evaluates it to an unknown value, so a rule reports it as unresolved and never passes it.
     */
    public static final String KNOWN_AFTER_APPLY = "Fn::KnownAfterApply";

    private final String file;
    private final MapNode root;
    private final Map<String, Parameter> parameters;
    private final Map<String, Node> conditions;
    private final Map<String, Node> mappings;
    private final Map<String, Resource> resources;
    private final List<MapNode.Entry> resourceLoops;
    private final List<MapNode.Entry> resourceIncludes;
    private final Map<String, Output> outputs;
    private final List<String> transforms;
    private final List<DuplicateKey> duplicateKeys;

    private Template(String file, MapNode root, Map<String, Parameter> parameters, Map<String, Node> conditions,
                     Map<String, Node> mappings, Map<String, Resource> resources, List<MapNode.Entry> resourceLoops,
                     List<MapNode.Entry> resourceIncludes, Map<String, Output> outputs, List<String> transforms) {
        this.duplicateKeys = collectDuplicates(root);
        this.resourceIncludes = List.copyOf(resourceIncludes);
        this.file = file;
        this.root = root;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.conditions = Collections.unmodifiableMap(conditions);
        this.mappings = Collections.unmodifiableMap(mappings);
        this.resources = Collections.unmodifiableMap(resources);
        this.resourceLoops = List.copyOf(resourceLoops);
        this.outputs = Collections.unmodifiableMap(outputs);
        this.transforms = List.copyOf(transforms);
    }

    /** Whether a document looks like it is meant as a template (a map with Resources or a format version). */
    public static boolean looksLikeTemplate(Node root) {
        return root instanceof MapNode m && (m.has("Resources") || m.has("AWSTemplateFormatVersion")
                || inputKind(m) != InputKind.CLOUDFORMATION);
    }

    /** The kinds of input read as templates, recognised by content. */
    public enum InputKind {
        /** A CloudFormation template. */
        CLOUDFORMATION,
        /** The JSON of {@code terraform show -json} (a plan, or a state). */
        TERRAFORM_PLAN,
        /** The JSON of {@code aws sagemaker describe-endpoint-config}. */
        DESCRIBE_ENDPOINT_CONFIG,
        /** The JSON of {@code aws sagemaker describe-endpoint}. */
        DESCRIBE_ENDPOINT
    }

    /** What kind of input a document is, by its content. */
    public static InputKind inputKind(Node document) {
        if (!(document instanceof MapNode m)) {
            return InputKind.CLOUDFORMATION;
        }
        if (TerraformPlan.recognises(m)) {
            return InputKind.TERRAFORM_PLAN;
        }
        if (DescribeOutput.isEndpointConfig(m)) {
            return InputKind.DESCRIBE_ENDPOINT_CONFIG;
        }
        if (DescribeOutput.isEndpoint(m)) {
            return InputKind.DESCRIBE_ENDPOINT;
        }
        return InputKind.CLOUDFORMATION;
    }

    /**
     * The document as a CloudFormation-shaped tree: a template as it is; a Terraform plan or describe output with a
     * {@code Resources} section added, whose nodes keep their positions in the file.
     */
    public static Node asTemplateTree(Node document) {
        return asTemplateTree(document, inputKind(document));
    }

    private static Node asTemplateTree(Node document, InputKind kind) {
        switch (kind) {
            case TERRAFORM_PLAN:
                return TerraformPlan.translate((MapNode) document);
            case DESCRIBE_ENDPOINT_CONFIG:
                return DescribeOutput.translateEndpointConfig((MapNode) document);
            case DESCRIBE_ENDPOINT:
                return DescribeOutput.translateEndpoint((MapNode) document);
            default:
                return document;
        }
    }

    /**
     * Builds the typed views over a document, checking the shapes CloudFormation insists on.
     *
     * @throws TemplateParseException if the document is not a template or a section has the wrong shape
     */
    public static Template of(Node document) throws TemplateParseException {
        InputKind kind = inputKind(document);
        document = asTemplateTree(document, kind);
        String file = document.location().file();
        List<ParseProblem> problems = new ArrayList<>();
        if (!(document instanceof MapNode root)) {
            throw new TemplateParseException(new ParseProblem("the document is " + document.describeKind()
                    + ", not a template; a template is a map with a Resources section", document.location()));
        }
        Node resourcesNode = root.get("Resources");
        if (resourcesNode == null) {
            throw new TemplateParseException(new ParseProblem(
                    "the document has no Resources section, so it is not a CloudFormation template", root.location()));
        }
        List<String> transforms = readTransforms(root.get("Transform"));
        Map<String, Resource> resources = new LinkedHashMap<>();
        List<MapNode.Entry> loops = new ArrayList<>();
        List<MapNode.Entry> includes = new ArrayList<>();
        if (!(resourcesNode instanceof MapNode rm)) {
            problems.add(new ParseProblem("Resources must be a map of logical ids to resources, not "
                    + resourcesNode.describeKind(), resourcesNode.location()));
        } else {
            if (rm.isEmpty() && kind == InputKind.CLOUDFORMATION) { // a plan may create nothing
                problems.add(new ParseProblem("Resources is empty; a template must declare at least one resource",
                        rm.location()));
            }
            readResources(rm, resources, loops, includes, problems);
        }
        Map<String, Parameter> parameters = readParameters(section(root, "Parameters", problems), problems);
        Map<String, Node> conditions = entriesOf(section(root, "Conditions", problems));
        Map<String, Node> mappings = entriesOf(section(root, "Mappings", problems));
        Map<String, Output> outputs = readOutputs(section(root, "Outputs", problems), problems);
        if (!problems.isEmpty()) {
            throw new TemplateParseException(problems);
        }
        return new Template(file, root, parameters, conditions, mappings, resources, loops, includes, outputs,
                transforms);
    }

    /** Sorts the entries of Resources into resources, {@code Fn::ForEach} loops and includes, checking each. */
    private static void readResources(MapNode rm, Map<String, Resource> resources, List<MapNode.Entry> loops,
                                      List<MapNode.Entry> includes, List<ParseProblem> problems) {
        for (MapNode.Entry e : rm.entries()) {
            if (e.key().startsWith(FOR_EACH_PREFIX)) {
                loops.add(e);
            } else if (isInclude(e)) {
                includes.add(e);
            } else {
                Resource r = readResource(e, problems);
                if (r != null) {
                    resources.put(e.key(), r);
                }
            }
        }
    }

    /** One resource, or null (with the problem added) when CloudFormation would refuse its shape. */
    private static Resource readResource(MapNode.Entry e, List<ParseProblem> problems) {
        if (!(e.value() instanceof MapNode r)) {
            problems.add(new ParseProblem("resource " + e.key() + " must be a map with a Type, not "
                    + e.value().describeKind(), e.value().location()));
            return null;
        }
        Node type = r.get("Type");
        if (type == null) {
            problems.add(new ParseProblem("resource " + e.key() + " has no Type", e.keyLocation()));
            return null;
        }
        if (type instanceof MapNode tm && tm.size() == 1 && tm.keys().get(0).startsWith("Rain::")) {
            problems.add(new ParseProblem("resource " + e.key() + " is a Rain module (" + tm.keys().get(0)
                    + "), not CloudFormation; validate the template that `rain pkg` produces",
                    type.location()));
            return null;
        }
        if (!(type instanceof ScalarNode ts) || !ts.isString()) {
            problems.add(new ParseProblem("the Type of resource " + e.key() + " must be a string such as "
                    + "AWS::S3::Bucket, not " + type.describeKind(), type.location()));
            return null;
        }
        Node props = r.get("Properties");
        if (props != null && !(props instanceof MapNode) && !(props instanceof ScalarNode s && s.isNull())) {
            problems.add(new ParseProblem("the Properties of resource " + e.key() + " must be a map, not "
                    + props.describeKind(), props.location()));
        }
        return new Resource(e.key(), e.keyLocation(), r);
    }

    /** The parameters of a Parameters section (may be null), each a map with a Type. */
    private static Map<String, Parameter> readParameters(MapNode params, List<ParseProblem> problems) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        if (params == null) {
            return parameters;
        }
        for (MapNode.Entry e : params.entries()) {
            if (!(e.value() instanceof MapNode p)) {
                problems.add(new ParseProblem("parameter " + e.key() + " must be a map with a Type, not "
                        + e.value().describeKind(), e.value().location()));
            } else if (!p.has("Type")) {
                problems.add(new ParseProblem("parameter " + e.key() + " has no Type", e.keyLocation()));
            } else {
                parameters.put(e.key(), new Parameter(e.key(), e.keyLocation(), p));
            }
        }
        return parameters;
    }

    /** The outputs of an Outputs section (may be null); an {@code Fn::ForEach} entry of Outputs is not an output. */
    private static Map<String, Output> readOutputs(MapNode outs, List<ParseProblem> problems) {
        Map<String, Output> outputs = new LinkedHashMap<>();
        if (outs == null) {
            return outputs;
        }
        for (MapNode.Entry e : outs.entries()) {
            if (e.value() instanceof MapNode o) {
                outputs.put(e.key(), new Output(e.key(), e.keyLocation(), o));
            } else if (!e.key().startsWith(FOR_EACH_PREFIX)) {
                problems.add(new ParseProblem("output " + e.key() + " must be a map with a Value, not "
                        + e.value().describeKind(), e.value().location()));
            }
        }
        return outputs;
    }

    /**
     * An entry of Resources whose content a macro supplies at deploy time: the key {@code Fn::Transform} itself (an
     * {@code AWS::Include} of resources), or a logical id whose whole body is one {@code Fn::Transform}.
     */
    private static boolean isInclude(MapNode.Entry e) {
        return e.key().equals(TRANSFORM_KEY)
                || e.value() instanceof MapNode m && m.size() == 1 && m.has(TRANSFORM_KEY);
    }

    /** Every duplicate key recorded on a map of the tree, once each (an alias expanded twice repeats its maps). */
    private static List<DuplicateKey> collectDuplicates(Node root) {
        List<DuplicateKey> out = new ArrayList<>();
        Set<List<Location>> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof MapNode m) {
                for (DuplicateKey d : m.duplicates()) {
                    if (seen.add(List.of(d.ignored(), d.kept()))) {
                        out.add(d);
                    }
                }
                List<MapNode.Entry> entries = m.entries();
                for (int i = entries.size() - 1; i >= 0; i--) {
                    todo.push(entries.get(i).value());
                }
            } else if (n instanceof ListNode l) {
                for (int i = l.items().size() - 1; i >= 0; i--) {
                    todo.push(l.items().get(i));
                }
            }
        }
        out.sort(Comparator.comparing(DuplicateKey::ignored));
        return out;
    }

    private static MapNode section(MapNode root, String name, List<ParseProblem> problems) {
        Node n = root.get(name);
        if (n == null || n instanceof ScalarNode s && s.isNull()) {
            return null;
        }
        if (n instanceof MapNode m) {
            return m;
        }
        problems.add(new ParseProblem(name + " must be a map, not " + n.describeKind(), n.location()));
        return null;
    }

    private static Map<String, Node> entriesOf(MapNode m) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (m != null) {
            for (MapNode.Entry e : m.entries()) {
                out.put(e.key(), e.value());
            }
        }
        return out;
    }

    private static List<String> readTransforms(Node t) {
        List<String> out = new ArrayList<>();
        if (t instanceof ScalarNode s) {
            out.add(s.text());
        } else if (t instanceof ListNode l) {
            for (Node n : l.items()) {
                if (n instanceof ScalarNode s) {
                    out.add(s.text());
                } else if (n instanceof MapNode m) {
                    m.text("Name").ifPresent(out::add);
                }
            }
        } else if (t instanceof MapNode m) {
            m.text("Name").ifPresent(out::add);
        }
        return out;
    }

    /**
     * The keys written more than once in one map anywhere in the template, in the order of their ignored occurrence.
     * The tree holds the last occurrence of each, which is what CloudFormation deploys.
     */
    public List<DuplicateKey> duplicateKeys() {
        return duplicateKeys;
    }

    /** The file name used in locations. */
    public String file() {
        return file;
    }

    /** The whole document. */
    public MapNode root() {
        return root;
    }

    /** AWSTemplateFormatVersion, if given. */
    public Optional<String> formatVersion() {
        return root.text("AWSTemplateFormatVersion");
    }

    /** Description, if given. */
    public Optional<String> description() {
        return root.text("Description");
    }

    /** The names of the transforms (macros) the template declares, e.g. {@code AWS::Serverless-2016-10-31}. */
    public List<String> transforms() {
        return transforms;
    }

    /** Whether the template declares a transform. */
    public boolean hasTransform(String name) {
        return transforms.contains(name);
    }

    /** Parameters by name, in source order. */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** A parameter by name. */
    public Optional<Parameter> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** Condition expressions by name, in source order. */
    public Map<String, Node> conditions() {
        return conditions;
    }

    /** Mappings by name, in source order. */
    public Map<String, Node> mappings() {
        return mappings;
    }

    /** Resources by logical id, in source order (loops of {@code Fn::ForEach} are in {@link #resourceLoops()}). */
    public Map<String, Resource> resources() {
        return resources;
    }

    /** A resource by logical id. */
    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /** The {@code Fn::ForEach::*} entries of the Resources section, not yet expanded. */
    public List<MapNode.Entry> resourceLoops() {
        return resourceLoops;
    }

    /**
     * The entries of Resources whose content a macro ({@code Fn::Transform}, e.g. {@code AWS::Include}) supplies at
     * deploy time: the key {@code Fn::Transform} itself or a logical id whose whole body is one. Their resources are
     * not in {@link #resources()}: nothing in the template says what they are.
     */
    public List<MapNode.Entry> resourceIncludes() {
        return resourceIncludes;
    }

    /** Outputs by name, in source order. */
    public Map<String, Output> outputs() {
        return outputs;
    }

    @Override
    public String toString() {
        return "Template " + file + " (" + resources.size() + " resources)";
    }
}
