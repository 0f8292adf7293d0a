// `mvn site` rendered the CFN Validator page inside the site, with the same content as the HTML report.
def log = new File(basedir, 'build.log').text
assert log.contains('CFN Validator report: 1 error(s), 0 warning(s) in 1 template(s)')

def page = new File(basedir, 'target/site/cfn-validator.html')
assert page.isFile()
def html = page.getText('UTF-8')
assert html.contains('<title>')
assert html.contains('CFN Validator')
assert html.contains('<div class="cfnv" id="cfnv">')
assert html.contains('id="verdict">FAIL</p>')
// one finding, with its highlighted line and its witness deployment (Env=dev makes IsProd false)
assert html.count('<article class="finding') == 1
assert html.contains('data-rule="sagemaker_variant_min_instances"')
assert html.contains('<tr class="hl" data-line="22">')
assert html =~ /<tr class="parameter"><td>parameter<\/td><td><code>Env<\/code><\/td><td><code>dev<\/code><\/td>/
assert html =~ /<tr class="condition"><td>condition<\/td><td><code>IsProd<\/code><\/td><td><code>false<\/code><\/td>/
// the suppressed finding is listed apart with its reason
assert html.contains('dev endpoints run on small instances on purpose')
// the site look: the page sits in the skin, and the site's menu links to it
def index = new File(basedir, 'target/site/project-reports.html')
assert index.isFile() && index.getText('UTF-8').contains('cfn-validator.html')
// nothing from the template reaches the page unescaped
assert !html.contains("<script>alert")
assert html.contains('&lt;/td&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;')
// the witness sits beside the lines that declare Env (lines 3-5) and define IsProd (line 7)
assert html.contains('<tr data-line="5"><td class="ln">5</td><td><code>    AllowedValues: [dev, prod]</code></td></tr>')
assert html.contains('<tr data-line="7"><td class="ln">7</td><td><code>  IsProd: !Equals [!Ref Env, prod]</code></td></tr>')

// the check goal's HTML file (formats html) is a whole page with the same findings as the site page and the JSON
def file = new File(basedir, 'target/cfn-validator/cfn-validator.html').getText('UTF-8')
assert file.startsWith('<!DOCTYPE html>')
assert file.contains('<h1>CFN Validator report</h1>')
assert file.contains('id="verdict">FAIL</p>')   // one error; maxAllowedViolations keeps the build going
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/cfn-validator/cfn-validator.json'))
def expected = json.files.collectMany { f -> f.findings.collect { x -> "${x.ruleId}@${f.path}:${x.line}:${x.column}" } }
def articles = { String text ->
    (text =~ /<article class="finding[^"]*" id="[^"]*" data-rule="([^"]*)"[^>]*>\s*<h3>.*?<span class="loc">([^<]*)<\/span>/)
            .collect { m -> "${m[1]}@${m[2]}" }
}
assert articles(file) == expected
assert articles(html) == expected
