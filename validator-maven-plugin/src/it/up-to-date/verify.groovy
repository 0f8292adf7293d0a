def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 4
def checked = 'checking 2 file(s) in src/main/cloudformation against '
def skipped = 'CFN Validator: 2 template(s) and the configuration are unchanged since the last passing check; ' +
        'skipped re-validation (-Dcfn.incremental=false forces it)'

assert runs[0].contains(checked) && !runs[0].contains(skipped)
assert runs[0].contains('[WARNING] src/main/cloudformation/imported.yaml:9:33: warning:')

assert runs[1].contains(skipped) && !runs[1].contains(checked)
assert runs[1].contains('[INFO] 0 error(s), 1 warning(s) in 2 template(s)')   // the summary of the last check
assert runs[1].contains('BUILD SUCCESS')

assert runs[2].contains(checked) && !runs[2].contains(skipped)
assert runs[2].contains('BUILD FAILURE')   // the warning fails at this threshold

assert runs[3].contains(checked) && !runs[3].contains(skipped)
assert runs[3].contains('BUILD SUCCESS')
