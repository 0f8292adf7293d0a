// Tests of this example, run by the CFN Validator build (maven-invoker-plugin); not needed in a copy of it.
// As shipped the canary variant starts with one instance, so `mvn verify` fails (invoker.buildResult = failure).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/cloudformation/endpoint-canary.yaml:22:33: error: '
        + '[sagemaker_variant_min_instances] EndpointConfig EndpointConfig -> variant Canary can start with 1 instance')
assert log.contains('[INFO] 1 error(s), 0 warning(s) in 2 template(s)')
assert log.contains('CFN Validator: 1 violation(s) at or above severity error in 2 template(s); '
        + 'see target/cfn-validator/cfn-validator.sarif')
assert log.contains('BUILD FAILURE')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/cfn-validator/cfn-validator.sarif'))
def results = sarif.runs[0].results
assert results.size() == 1
def r = results[0]
assert r.ruleId == 'sagemaker_variant_min_instances' && r.level == 'error'
def loc = r.locations[0].physicalLocation
assert loc.artifactLocation.uri.endsWith('sagemaker-endpoint/src/main/cloudformation/endpoint-canary.yaml')
assert loc.region.startLine == 22 && loc.region.startColumn == 33
true
