// Applies the fix the sagemaker-endpoint README shows (the canary variant starts with the InstanceCount parameter,
// whose MinValue is 2), so the examples' second run proves that `mvn verify` passes once the template is fixed.
def template = new File(exampleDir as String, 'src/main/cloudformation/endpoint-canary.yaml')
def before = template.text
def after = before.replace('''          InitialVariantWeight: 1
          InitialInstanceCount: 1''', '''          InitialVariantWeight: 1
          InitialInstanceCount: !Ref InstanceCount''')
assert after != before : 'the README fix no longer applies to endpoint-canary.yaml'
template.text = after
true
