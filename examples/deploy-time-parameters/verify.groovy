// Tests of this example, run by the CFN Validator build (maven-invoker-plugin); not needed in a copy of it.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 2

assert runs[0].contains('[INFO] 0 error(s), 0 warning(s) in 1 template(s)')   // prod values: neither rule fires
assert runs[0].contains('BUILD SUCCESS')

assert runs[1].contains('[ERROR] src/main/cloudformation/endpoint.yaml:22:33: error: [sagemaker_variant_min_instances] '
        + 'EndpointConfig EndpointConfig -> variant AllTraffic can start with 1 instance (every deployment gives 1)')
assert runs[1].contains('BUILD FAILURE')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/cfn-validator/cfn-validator.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'sagemaker_variant_min_instances' }
assert result.level == 'error'
assert sarif.runs[0].results.find { it.ruleId == 'sagemaker_variant_burstable_instance' }.level == 'warning'
assert result.locations[0].physicalLocation.region.startLine == 22
true
