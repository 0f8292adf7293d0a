// Starts `java -jar cfn-validator.jar lsp` for YAML and JSON documents; the server decides by content which of them
// are CloudFormation templates (docs/lsp.md).
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

exports.activate = async function activate(context) {
  const config = vscode.workspace.getConfiguration('cfnValidator');
  const jar = config.get('jar') || context.asAbsolutePath(path.join('server', 'cfn-validator.jar'));
  const options = {};
  if (config.get('unresolved')) {
    options.unresolved = config.get('unresolved');
  }
  client = new LanguageClient('cfn-validator', 'CFN Validator',
    { command: config.get('java') || 'java', args: ['-jar', jar, 'lsp'] },
    {
      documentSelector: [
        { scheme: 'file', language: 'yaml' }, { scheme: 'file', language: 'json' },
        { scheme: 'untitled', language: 'yaml' }, { scheme: 'untitled', language: 'json' },
        { scheme: 'file', pattern: '**/*.guard' },
      ],
      initializationOptions: options,
    });
  await client.start();
  context.subscriptions.push(client);
};

exports.deactivate = function deactivate() {
  return client ? client.stop() : undefined;
};
