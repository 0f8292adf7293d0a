def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 6

assert runs[0].contains('checking 2 file(s) in src/main/cloudformation, stacks against ')
assert runs[0].contains('[ERROR] stacks/single.yaml:10:33: error: [sagemaker_variant_min_instances]')
assert runs[0].contains('BUILD FAILURE')
assert new File(basedir, 'target/cfn-validator/cfn-validator.sarif').isFile()
assert new File(basedir, 'target/cfn-validator/cfn-validator.txt').isFile()

assert !runs[1].contains('sagemaker_variant_min_instances]') && runs[1].contains('BUILD SUCCESS')
assert runs[2].contains('checking 1 file(s)') && runs[2].contains('BUILD SUCCESS')
assert runs[3].contains('cfn.failOnSeverity') && runs[3].contains('cfn.maxAllowedViolations')
assert runs[4].contains('[ERROR] stacks/single.yaml:10:33: error: [guard_two_instances] [HA.1]: start at least two instances')
assert !runs[4].contains('stacks/ha.yaml:') && !runs[4].contains('[sagemaker_variant_min_instances]')
assert runs[5].contains("formats: unknown report format 'pdf'")
