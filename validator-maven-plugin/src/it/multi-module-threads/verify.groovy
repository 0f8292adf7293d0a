import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 2
assert runs[1].contains('thread count of 2')
assert !log.contains('not marked as @threadSafe') && !log.contains('not thread-safe')

def lines = { String run -> run.readLines().findAll { it =~ /^\[(ERROR|WARNING)\] src\/main\/cloudformation\// }.sort() }
assert lines(runs[0]) == lines(runs[1])
assert lines(runs[0]).size() == 3   // b: single.yaml; c: env.yaml (error), imported.yaml (warning)

for (run in runs) {
    assert run =~ /module-a \.+ SUCCESS/
    assert run =~ /module-b \.+ FAILURE/
    assert run =~ /module-c \.+ FAILURE/
    assert run =~ /module-d \.+ SUCCESS/
}

def slurper = new JsonSlurper()
['module-a': [3, 0, 0], 'module-b': [2, 1, 0], 'module-c': [2, 1, 1], 'module-d': [2, 0, 0]].each { m, expected ->
    def one = new File(basedir, "$m/target/t1/cfn-validator.sarif").text
    def two = new File(basedir, "$m/target/t2/cfn-validator.sarif").text
    assert one == two : "$m: -T 1 and -T 2 reports differ"
    def json = slurper.parse(new File(basedir, "$m/target/t2/cfn-validator.json"))
    assert [json.summary.templates, json.summary.errors, json.summary.warnings] == expected : m
}
true
