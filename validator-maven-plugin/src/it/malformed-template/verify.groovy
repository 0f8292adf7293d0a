import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 3

assert runs[0] =~ /\[ERROR\] src\/main\/cloudformation\/a-broken\.yaml:\d+:\d+: error: \[input\] YAML syntax error/
// a key written twice is read as CloudFormation deploys it (the last one) and reported as a warning, not an input error
assert runs[0].contains('[WARNING] src/main/cloudformation/b-duplicate.yaml:2:3: warning: [template_duplicate_key] key Bucket at line 2, column 3 is written again at line 4, column 3')
assert !runs[0].contains('b-duplicate.yaml:4:3: error: [input]')
assert runs[0].contains('[ERROR] src/main/cloudformation/c-single.yaml:10:33: error: [sagemaker_variant_min_instances]')
assert runs[0].contains('1 error(s), 1 warning(s) in 2 template(s); 1 file(s) could not be read')
assert runs[0] =~ /CFN Validator: 1 input error\(s\): src\/main\/cloudformation\/a-broken\.yaml:\d+:\d+: /
assert runs[0].contains('MojoExecutionException')
assert !runs[0].contains('\tat ') && !runs[0].contains('Exception:') // no stack trace

assert runs[1] =~ /\[WARNING\] src\/main\/cloudformation\/a-broken\.yaml:\d+:\d+: error: \[input\]/
assert runs[1].contains('(failOnParseError is false)')
assert runs[1].contains('MojoFailureException')

assert runs[2].contains('BUILD SUCCESS')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/cfn-validator/cfn-validator.sarif'))
assert sarif.runs[0].results*.ruleId == ['input', 'template_duplicate_key', 'sagemaker_variant_min_instances']
