// Tests of this example, run by the CFN Validator build (maven-invoker-plugin); not needed in a copy of it.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects/).findAll { it.contains('validator-maven-plugin') }
assert runs.size() == 2

// as shipped: the complete stack passes
assert runs[0].contains('[INFO] 0 error(s), 0 warning(s) in 1 template(s)')
assert runs[0].contains('BUILD SUCCESS')

// broken/: every rule of the pack reports, and the build fails on the errors
def broken = runs[1]
assert broken.contains('[ERROR] broken/endpoint-stack.yaml:34:33: error: [sagemaker_variant_min_instances] '
        + 'Endpoint Api -> EndpointConfig Config -> variant primary can start with 1 instance (InstanceCount=1 gives 1)')
assert broken.contains('error: [sagemaker_autoscaling_min_capacity] ScalableTarget Scaling (Endpoint Api -> '
        + 'EndpointConfig Config -> variant primary): MinCapacity can be 1')
assert broken.contains('warning: [sagemaker_variant_burstable_instance]')
assert broken.contains('warning: [sagemaker_model_image_pinned]')
assert broken.contains('warning: [sagemaker_endpoint_auto_rollback]')
assert broken.contains('[INFO] 2 error(s), 4 warning(s) in 2 template(s)')
assert broken.contains('BUILD FAILURE')
true
