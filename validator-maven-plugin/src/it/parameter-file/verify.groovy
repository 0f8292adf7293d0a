def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 4

assert runs[0].contains('[INFO] 0 error(s), 0 warning(s) in 2 template(s)')
assert runs[0].contains('BUILD SUCCESS')

assert runs[1].contains('check (unpinned)')
assert runs[1].contains('[ERROR] src/main/cloudformation/prod/endpoint.yaml:16:33: error: '
        + '[sagemaker_variant_min_instances] EndpointConfig Config -> variant AllTraffic can start with 1 instance (Env=dev gives 1)')
assert runs[1].contains('[ERROR] src/main/cloudformation/shared/endpoint.yaml:14:33: error: '
        + '[sagemaker_variant_min_instances] EndpointConfig Config -> variant AllTraffic can start with 1 instance (Count=1 gives 1)')
assert runs[1].contains('2 violation(s) at or above severity error in 2 template(s)')
assert runs[1].contains('BUILD FAILURE')

assert runs[2].contains('check (unpinned)')
assert !runs[2].contains('[ERROR] src/main')
assert runs[2].contains('BUILD SUCCESS')

assert runs[3] =~ /\[ERROR\] params\/broken\.json:1:\d+: error: \[input\] parameter file is not valid JSON/
assert runs[3].contains('input error(s): params/broken.json:1:')
assert runs[3].contains('MojoExecutionException')
assert runs[3].contains('BUILD FAILURE')
