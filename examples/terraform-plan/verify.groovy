// Tests of this example, run by the CFN Validator build (maven-invoker-plugin); not needed in a copy of it.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 2

// as shipped: the plan passes (the load-test config's single instance is suppressed by address, with a reason)
assert runs[0].contains('[INFO] 0 error(s), 0 warning(s) in 1 template(s)')
assert runs[0].contains('BUILD SUCCESS')

// broken/: every rule of the pack reports at the plan's line and column, naming the Terraform address
def broken = runs[1]
def config = 'module.endpoint.aws_sagemaker_endpoint_configuration.this["eu"]'
assert broken.contains('[ERROR] broken/tfplan.json:259:41: error: [sagemaker_variant_min_instances] Endpoint '
        + 'module.endpoint.aws_sagemaker_endpoint.this["eu"] -> EndpointConfig ' + config
        + ' -> variant primary can start with 1 instance')
assert broken.contains('[ERROR] broken/tfplan.json:368:27: error: [sagemaker_autoscaling_min_capacity] ScalableTarget '
        + 'module.endpoint.aws_appautoscaling_target.variant["eu"]')
assert broken.contains('broken/tfplan.json:260:32: warning: [sagemaker_variant_burstable_instance]')
assert broken.contains('broken/tfplan.json:202:24: warning: [sagemaker_model_image_pinned]')
assert broken.contains('broken/tfplan.json:288:18: warning: [sagemaker_endpoint_auto_rollback]')
assert broken.contains('[WARNING] broken/tfplan.json:425:41: warning: [sagemaker_variant_min_instances] EndpointConfig '
        + 'aws_sagemaker_endpoint_configuration.shadow[0] -> variant primary: InitialInstanceCount cannot be verified '
        + 'before deploy: aws_sagemaker_endpoint_configuration.shadow[0].production_variants[0].initial_instance_count '
        + 'is known only after apply')
assert broken.contains('[INFO] 2 error(s), 4 warning(s) in 1 template(s)')
assert broken.contains('BUILD FAILURE')

// the SARIF report of the broken run points into the plan file
def sarif = new JsonSlurper().parse(new File(basedir, 'target/cfn-validator/cfn-validator.sarif'))
def results = sarif.runs[0].results
assert results.size() == 6
def min = results.find { it.ruleId == 'sagemaker_variant_min_instances' && it.level == 'error' }
def loc = min.locations[0].physicalLocation
assert loc.artifactLocation.uri.endsWith('terraform-plan/broken/tfplan.json')
assert loc.region.startLine == 259 && loc.region.startColumn == 41
true
