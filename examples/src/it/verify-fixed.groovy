def log = new File(exampleDir as String, 'build.log').text
assert log.contains('[INFO] 0 error(s), 0 warning(s) in 2 template(s)')
assert log.contains('BUILD SUCCESS')
def sarif = new groovy.json.JsonSlurper().parse(new File(exampleDir as String, 'target/cfn-validator/cfn-validator.sarif'))
assert sarif.runs[0].results.isEmpty()
true
