def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping CFN Validator (cfn.skip=true)')
assert !log.contains('sagemaker_variant_min_instances')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/cfn-validator').exists()
