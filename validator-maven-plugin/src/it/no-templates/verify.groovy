def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 2
assert runs[0].contains('[INFO] No CloudFormation templates found in src/main/cloudformation; nothing to check')
assert runs[0].contains('BUILD SUCCESS')
assert runs[1].contains('No CloudFormation templates found in src/main/cloudformation (failIfNoTemplates is set)')
assert runs[1].contains('BUILD FAILURE')
