-- Headless Neovim (0.7+) as the language client of `cfn-validator lsp`: opens a template, waits for diagnostics,
-- prints them, requests hover and code actions, applies the MinValue fix, and checks the diagnostics that follow.
-- Run by run.sh; the environment gives CFN_JAR (the shaded jar) and CFN_FILE (a copy of the example template).
local jar = os.getenv('CFN_JAR')
local file = os.getenv('CFN_FILE')
local timeout = 60000

local function out(s)
  io.stdout:write(s .. '\n')
end

local function fail(s)
  out('FAIL: ' .. s)
  vim.cmd('cquit 1')
end

local published = {}
local client_id = vim.lsp.start_client({
  name = 'cfn-validator',
  cmd = { 'java', '-jar', jar, 'lsp' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      table.insert(published, result)
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
    end,
  },
})
if not client_id then
  fail('the language server did not start')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local function wait_published(after, pred)
  local ok = vim.wait(timeout, function()
    return #published > after and pred(published[#published])
  end, 50)
  return ok and published[#published] or nil
end

local first = wait_published(0, function(p) return #p.diagnostics > 0 end)
if not first then
  fail('no diagnostics within ' .. timeout .. ' ms')
end
out('diagnostics:')
for _, d in ipairs(first.diagnostics) do
  out(string.format('  %d:%d-%d:%d [%s] %s', d.range.start.line + 1, d.range.start.character + 1,
    d.range['end'].line + 1, d.range['end'].character + 1, d.code, d.message))
end
local finding = first.diagnostics[1]
if finding.code ~= 'sagemaker_variant_min_instances' then
  fail('unexpected rule ' .. tostring(finding.code))
end

local client = vim.lsp.get_client_by_id(client_id)
local position = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = finding.range.start }
local hover = client.request_sync('textDocument/hover', position, timeout, bufnr)
if not hover or not hover.result then
  fail('no hover')
end
out('hover:')
out(hover.result.contents.value)

local actions = client.request_sync('textDocument/codeAction', {
  textDocument = vim.lsp.util.make_text_document_params(bufnr),
  range = finding.range,
  context = { diagnostics = { finding } },
}, timeout, bufnr)
if not actions or not actions.result or #actions.result == 0 then
  fail('no code actions')
end
out('code actions:')
local chosen
for _, a in ipairs(actions.result) do
  out('  ' .. a.title)
  if not chosen and a.title:match('^Set MinValue') then
    chosen = a
  end
end
if not chosen then
  fail('no MinValue action')
end
out('applying: ' .. chosen.title)
local count = #published
vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')

local after = wait_published(count, function(p) return p.version == nil or p.version > 1 end)
if not after then
  fail('no diagnostics after the edit')
end
out('diagnostics after the fix: ' .. #after.diagnostics)
if #after.diagnostics ~= 0 then
  for _, d in ipairs(after.diagnostics) do
    out('  [' .. tostring(d.code) .. '] ' .. d.message)
  end
  fail('the fix left diagnostics')
end
out('edited parameter:')
for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 4, 9, false)) do
  out('  ' .. line)
end
client.stop()
vim.wait(5000, function() return client.is_stopped() end, 50)
out('PASS')
vim.cmd('qall!')
