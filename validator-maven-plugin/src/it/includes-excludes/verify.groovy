import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// src/main/cloudformation (always searched) and the listed folder; only *.yaml; legacy/ and drafts/ excluded
assert log.contains('checking 2 file(s) in src/main/cloudformation, infra/stacks against ')
assert log.contains('[INFO] 0 error(s), 0 warning(s) in 2 template(s)')
assert !log.contains('old-endpoint.yaml') && !log.contains('wip.yaml') && !log.contains('endpoint-single.json')
assert log.contains('BUILD SUCCESS')
def json = new JsonSlurper().parse(new File(basedir, 'target/cfn-validator/cfn-validator.json'))
assert json.files*.path == ['src/main/cloudformation/api.yaml', 'infra/stacks/endpoint.yaml']
