import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 3

assert runs[0] =~ /\[ERROR\] src\/main\/cloudformation\/a-broken\.yaml:\d+:\d+: error: \[input\] YAML syntax error/
assert runs[0].contains("[ERROR] src/main/cloudformation/b-duplicate.yaml:4:3: error: [input] duplicate key 'Bucket'")
assert runs[0].contains('[ERROR] src/main/cloudformation/c-single.yaml:10:33: error: [sagemaker_variant_min_instances]')
assert runs[0].contains('1 error(s), 0 warning(s) in 1 template(s); 2 file(s) could not be read')
assert runs[0] =~ /CFN Validator: 2 input error\(s\): src\/main\/cloudformation\/a-broken\.yaml:\d+:\d+: /
assert runs[0].contains('MojoExecutionException')
assert !runs[0].contains('\tat ') && !runs[0].contains('Exception:') // no stack trace

assert runs[1] =~ /\[WARNING\] src\/main\/cloudformation\/a-broken\.yaml:\d+:\d+: error: \[input\]/
assert runs[1].contains('(failOnParseError is false)')
assert runs[1].contains('MojoFailureException')

assert runs[2].contains('BUILD SUCCESS')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/cfn-validator/cfn-validator.sarif'))
assert sarif.runs[0].results*.ruleId == ['input', 'input', 'sagemaker_variant_min_instances']
