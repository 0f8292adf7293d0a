def log = new File(basedir, 'build.log').text
// one build log for all runs, in order
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 6

def warning = '[WARNING] src/main/cloudformation/imported.yaml:9:33: warning: [sagemaker_variant_min_instances] ' +
        'EndpointConfig Config -> variant AllTraffic: InitialInstanceCount cannot be verified before deploy'
assert runs[0].contains(warning) && runs[0].contains('BUILD SUCCESS')
assert runs[0].contains('[INFO] 0 error(s), 1 warning(s) in 1 template(s)')

assert runs[1].contains('BUILD FAILURE')
assert runs[1].contains('CFN Validator: 1 violation(s) at or above severity warning in 1 template(s); '
        + 'see target/cfn-validator/cfn-validator.sarif')

assert runs[2].contains('BUILD SUCCESS')
assert runs[2].contains('[WARNING] CFN Validator: 1 violation(s) at or above severity warning, within maxAllowedViolations 1')

assert runs[3].contains('[ERROR] src/main/cloudformation/imported.yaml:9:33: error: [sagemaker_variant_min_instances]')
assert runs[3].contains('BUILD FAILURE')
assert runs[3].contains('1 violation(s) at or above severity error')

assert runs[4].contains('[ERROR] errors/single.yaml:10:33: error: [sagemaker_variant_min_instances]')
assert runs[4].contains('[INFO] 1 error(s), 1 warning(s) in 2 template(s)')
assert runs[4].contains('BUILD SUCCESS')

assert runs[5].contains("failOnSeverity must be error, warning, info or none, not 'sometimes'")
assert runs[5].contains('BUILD FAILURE')
