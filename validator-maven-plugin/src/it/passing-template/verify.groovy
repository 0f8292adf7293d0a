import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] CFN Validator ')
assert log.contains('checking 2 file(s) in src/main/cloudformation against ')
assert log.contains('[INFO] 0 error(s), 0 warning(s) in 1 template(s); 1 file(s) skipped as not templates')
assert log.contains('BUILD SUCCESS')

def out = new File(basedir, 'target/cfn-validator')
def sarif = new JsonSlurper().parse(new File(out, 'cfn-validator.sarif'))
def run = sarif.runs[0]
assert run.results.isEmpty()
// the rule that ran is listed even though it found nothing
def rule = run.tool.driver.rules.find { it.id == 'sagemaker_variant_min_instances' }
assert rule != null
assert rule.defaultConfiguration.level == 'error'
assert rule.shortDescription.text
assert rule.help.text.contains('docs/rules/sagemaker_variant_min_instances.md')
assert run.invocations[0].toolExecutionNotifications[0].message.text.contains('nested/buildspec.yml')

def junit = new XmlSlurper().parse(new File(out, 'TEST-cfn-validator.xml'))
assert junit.@tests.text() == (run.tool.driver.rules.size() + 1).toString()   // rules x 1 template + 1 skipped file
assert junit.@failures.text() == '0'
assert junit.@skipped.text() == '1'
assert junit.testcase.find { it.@name == 'sagemaker_variant_min_instances' }.@classname.text() ==
        'src/main/cloudformation/endpoint.yaml'

def json = new JsonSlurper().parse(new File(out, 'cfn-validator.json'))
assert json.summary.templates == 1 && json.summary.skipped == 1

assert new File(out, 'cfn-validator.txt').text.contains('0 error(s), 0 warning(s) in 1 template(s)')
