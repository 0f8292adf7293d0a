def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 6

assert runs[0].contains('[ERROR] src/main/cloudformation/imported.yaml:9:33: error: [sagemaker_variant_min_instances]')
assert runs[0].contains('[ERROR] src/main/cloudformation/single.yaml:10:33: error: [sagemaker_variant_min_instances]')
assert runs[0].contains('[INFO] 2 error(s), 0 warning(s) in 2 template(s)')
assert runs[0].contains('BUILD SUCCESS')

assert runs[1].contains('2 violation(s) at or above severity error') && runs[1].contains('BUILD FAILURE')

assert !runs[2].contains('single.yaml:10:33')
assert runs[2].contains('[INFO] 1 error(s), 0 warning(s) in 2 template(s) (1 known finding(s) in baseline known-findings.json not reported)')
assert runs[2].contains('1 violation(s) at or above severity error') && runs[2].contains('BUILD FAILURE')

assert runs[3].contains('[WARNING] src/main/cloudformation/imported.yaml:9:33: warning:')
assert runs[3].contains('BUILD SUCCESS')

assert runs[4].contains('CFN Validator: baseline written: 2 finding(s) in target/today.json')
assert runs[4].contains('BUILD SUCCESS')
assert new File(basedir, 'target/today.json').text.contains('"fingerprint"')

assert runs[5].contains('(2 known finding(s) in baseline target/today.json not reported)')
assert runs[5].contains('BUILD SUCCESS')
