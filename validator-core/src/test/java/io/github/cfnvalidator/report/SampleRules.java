package io.github.cfnvalidator.report;

import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleContext;
import io.github.cfnvalidator.rules.RuleMetadata;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Resource;
import io.github.cfnvalidator.template.ScalarNode;
import java.util.List;
import java.util.Optional;

/** Two small rules to feed the writers real findings made by a real {@link Validator}. */
final class SampleRules {
    private SampleRules() {
    }

    /** Flags S3 buckets whose AccessControl is PublicRead (error), with evidence at the resource's Type. */
    static final Rule PUBLIC_BUCKET = new Rule() {
        private final RuleMetadata meta = RuleMetadata.builtIn("sample_public_bucket", Severity.ERROR,
                "S3 buckets are not publicly readable.");

        @Override
        public RuleMetadata metadata() {
            return meta;
        }

        @Override
        public void check(RuleContext ctx) {
            for (Resource r : ctx.template().resources().values()) {
                Optional<Node> acl = r.property("AccessControl");
                if (r.type().equals("AWS::S3::Bucket") && acl.isPresent() && acl.get() instanceof ScalarNode s
                        && "PublicRead".equals(s.text())) {
                    ctx.report(r.logicalId(), acl.get(), "Bucket " + r.logicalId() + " is publicly readable.",
                            "remove AccessControl: PublicRead",
                            List.of(new Evidence("declared as an S3 bucket here", r.node().location())));
                }
            }
        }
    };

    /** Flags queues without a retention period (warning); never fires on most templates. */
    static final Rule QUEUE_RETENTION = new Rule() {
        private final RuleMetadata meta = new RuleMetadata("sample_queue_retention", Severity.WARNING,
                "SQS queues set MessageRetentionPeriod.", "https://example.org/rules/sample_queue_retention");

        @Override
        public RuleMetadata metadata() {
            return meta;
        }

        @Override
        public void check(RuleContext ctx) {
            for (Resource r : ctx.template().resources().values()) {
                if (r.type().equals("AWS::SQS::Queue") && r.property("MessageRetentionPeriod").isEmpty()) {
                    ctx.report(r.logicalId(), r.node(), "Queue " + r.logicalId() + " keeps the default retention.",
                            null, List.of());
                }
            }
        }
    };

    static Validator validator() {
        return Validator.builder().rules(List.of(PUBLIC_BUCKET, QUEUE_RETENTION)).threads(1).build();
    }
}
