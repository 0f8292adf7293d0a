// The build failed (invoker.buildResult = failure) for the right reason, with the CLI's line format and reports.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/cloudformation/endpoint.yaml:14:33: error: [sagemaker_variant_min_instances] '
        + 'EndpointConfig Config -> variant AllTraffic can start with 1 instance (Count=1 gives 1)')
assert !log.contains('endpoint-ha.yaml:')
assert log.contains('[INFO] 1 error(s), 0 warning(s) in 2 template(s)')
assert log.contains('CFN Validator: 1 violation(s) at or above severity error in 2 template(s); '
        + 'see target/cfn-validator/cfn-validator.sarif')
assert log.contains('MojoFailureException')

def out = new File(basedir, 'target/cfn-validator')
def sarif = new JsonSlurper().parse(new File(out, 'cfn-validator.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.columnKind == 'utf16CodeUnits'
assert run.tool.driver.rules*.id.contains('sagemaker_variant_min_instances')
assert run.results.size() == 1
def r = run.results[0]
assert r.ruleId == 'sagemaker_variant_min_instances'
assert r.level == 'error'
def loc = r.locations[0].physicalLocation
// repository-relative: the IT project lives inside this repository's work tree
assert loc.artifactLocation.uri.endsWith('failing-template/src/main/cloudformation/endpoint.yaml')
assert !loc.artifactLocation.uri.startsWith('/')
assert loc.region.startLine == 14 && loc.region.startColumn == 33
assert r.partialFingerprints.size() == 1

def junit = new XmlSlurper().parse(new File(out, 'TEST-cfn-validator.xml'))
assert junit.@failures.text() == '1'
assert junit.@tests.text() == (2 * run.tool.driver.rules.size()).toString()   // templates x rules
assert new File(out, 'cfn-validator.json').isFile()
assert !new File(out, 'cfn-validator.txt').exists()
// a failing check is never recorded as up to date
assert !new File(basedir, 'target/cfn-validator-cache/check-default.properties').exists()
