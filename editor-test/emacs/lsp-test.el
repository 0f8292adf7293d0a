;;; lsp-test.el --- Emacs + eglot as the language client of `cfn-validator lsp'  -*- lexical-binding: t -*-

;; Run by run.sh in batch mode (emacs -Q --batch -l lsp-test.el).  Opens a template, waits for the diagnostics
;; eglot hands to Flymake, prints them, requests a hover at the `!Ref' and the code actions, applies the MinValue fix
;; with eglot's own workspace-edit code, saves, and checks that the diagnostics that follow are empty.  The
;; environment gives CFN_JAR (the shaded jar), CFN_FILE (a copy of the example template) and CFN_EGLOT_DIRS (the
;; colon-separated folders holding eglot and the ELPA packages it needs).  Exit status: 0 pass, 1 fail.

;;; Code:

(dolist (dir (split-string (or (getenv "CFN_EGLOT_DIRS") "") ":" t))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'flymake)

(defvar cfn-test-timeout 60 "Seconds to wait for each answer of the server.")
(defvar cfn-test-published nil "Every publishDiagnostics notification seen, newest first.")

(defun cfn-test-out (fmt &rest args)
  "Print FMT with ARGS on standard output."
  (princ (concat (apply #'format fmt args) "\n")))

(defun cfn-test-fail (fmt &rest args)
  "Print FAIL with FMT and ARGS, then exit with status 1."
  (cfn-test-out "FAIL: %s" (apply #'format fmt args))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs 1))

(defun cfn-test-wait (pred)
  "Let processes run until PRED returns non-nil or `cfn-test-timeout' passes.
Return PRED's last value."
  (let ((deadline (+ (float-time) cfn-test-timeout)) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun cfn-test-settle ()
  "Let processes run until no notification came for half a second.
At most `cfn-test-timeout' seconds."
  (let ((deadline (+ (float-time) cfn-test-timeout)) (seen -1))
    (while (and (/= seen (length cfn-test-published)) (< (float-time) deadline))
      (setq seen (length cfn-test-published))
      (accept-process-output nil 0.5))))

;; Record each raw notification too (as the Neovim test does), to know when a new one has arrived.
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &rest params &key &allow-other-keys)
  (push params cfn-test-published))

;; A yaml-mode may not be installed: a derived mode of that name gives the language id "yaml".
(unless (fboundp 'yaml-mode)
  (define-derived-mode yaml-mode prog-mode "YAML" "CloudFormation YAML for this test."))
(add-to-list 'auto-mode-alist '("\\.ya?ml\\'" . yaml-mode))
(add-to-list 'eglot-server-programs `(yaml-mode . ("java" "-jar" ,(getenv "CFN_JAR") "lsp")))
(add-hook 'yaml-mode-hook #'eglot-ensure)
(setq eglot-sync-connect t
      eglot-connect-timeout cfn-test-timeout
      eglot-confirm-server-initiated-edits nil
      flymake-no-changes-timeout 0.1
      make-backup-files nil)

(defun cfn-test-flymake-diagnostics ()
  "The eglot diagnostics Flymake holds for the current buffer, in buffer order."
  (sort (cl-remove-if-not (lambda (d) (assq 'eglot-lsp-diag (flymake-diagnostic-data d)))
                          (flymake-diagnostics))
        (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))

(defun cfn-test-print-diagnostics (diags)
  "Print the Flymake diagnostics DIAGS with their line:column ranges."
  (dolist (d diags)
    (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
      (cfn-test-out "  %d:%d-%d:%d %s %s"
                    (line-number-at-pos beg) (1+ (save-excursion (goto-char beg) (current-column)))
                    (line-number-at-pos end) (1+ (save-excursion (goto-char end) (current-column)))
                    (flymake-diagnostic-type d) (flymake-diagnostic-text d)))))

(defun cfn-test-wait-flymake (after want-empty)
  "Wait for a notification newer than the AFTER-th, then for Flymake's diagnostics.
With WANT-EMPTY, wait until Flymake holds none; return what it holds."
  (unless (cfn-test-wait (lambda () (> (length cfn-test-published) after)))
    (cfn-test-fail "no publishDiagnostics within %d s" cfn-test-timeout))
  (flymake-start)
  (cfn-test-wait (lambda ()
                   (let ((diags (cfn-test-flymake-diagnostics)))
                     (if want-empty (null diags) diags))))
  (cfn-test-flymake-diagnostics))

(defun cfn-test-run ()
  "The whole check, in the buffer visiting CFN_FILE."
  (find-file (getenv "CFN_FILE"))
  (unless (eq major-mode 'yaml-mode)
    (cfn-test-fail "the template opened in %s, not yaml-mode" major-mode))
  ;; eglot-ensure connects from `post-command-hook'; batch mode has no command loop, so run the hook once.
  (run-hooks 'post-command-hook)
  (unless (cfn-test-wait (lambda () eglot--managed-mode))
    (cfn-test-fail "eglot did not start managing the buffer"))
  (cfn-test-out "server: %s" (plist-get (eglot--server-info (eglot-current-server)) :name))
  (let* ((diags (cfn-test-wait-flymake 0 nil))
         (finding (car diags))
         (lsp (cdr (assq 'eglot-lsp-diag (flymake-diagnostic-data finding)))))
    (unless diags (cfn-test-fail "no diagnostics in Flymake within %d s" cfn-test-timeout))
    (cfn-test-out "diagnostics:")
    (cfn-test-print-diagnostics diags)
    (unless (equal (plist-get lsp :code) "sagemaker_variant_min_instances")
      (cfn-test-fail "unexpected rule %S" (plist-get lsp :code)))
    (cfn-test-hover finding)
    (let ((chosen (cfn-test-code-actions finding))
          (count (length cfn-test-published)))
      (cfn-test-out "applying: %s" (plist-get chosen :title))
      (eglot--apply-workspace-edit (plist-get chosen :edit) nil)
      (save-buffer)
      (unless (let ((file buffer-file-name))
                (with-temp-buffer (insert-file-contents file) (search-forward "MinValue: 2" nil t)))
        (cfn-test-fail "the saved file does not hold the fix"))
      (let ((after (cfn-test-wait-flymake count t)))
        ;; A later notification (for didSave after didChange) may still be on its way: take the newest.
        (cfn-test-settle)
        (flymake-start)                 ; eglot's backend reports what it holds at once
        (setq after (cfn-test-flymake-diagnostics))
        (cfn-test-out "diagnostics after the fix: %d" (length after))
        (when after
          (cfn-test-print-diagnostics after)
          (cfn-test-fail "the fix left diagnostics"))))
    (cfn-test-out "edited parameter:")
    (dolist (line (seq-subseq (split-string (buffer-string) "\n") 4 9))
      (cfn-test-out "  %s" line))))

(defun cfn-test-hover (finding)
  "Request a hover at the start of FINDING (the `!Ref') and print it."
  (goto-char (flymake-diagnostic-beg finding))
  (cfn-test-out "hover at %d:%d on %S:" (line-number-at-pos) (1+ (current-column))
                (buffer-substring-no-properties (point) (line-end-position)))
  (let* ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                 (eglot--TextDocumentPositionParams) :timeout cfn-test-timeout))
         (contents (plist-get hover :contents)))
    (unless contents (cfn-test-fail "no hover"))
    (cfn-test-out "%s" (if (stringp contents) contents (plist-get contents :value)))))

(defun cfn-test-code-actions (finding)
  "Ask eglot for the code actions over FINDING's range and print them.
Return the MinValue one."
  (let ((actions (eglot-code-actions (flymake-diagnostic-beg finding) (flymake-diagnostic-end finding)))
        chosen)
    (unless actions (cfn-test-fail "no code actions"))
    (cfn-test-out "code actions:")
    (dolist (a actions)
      (cfn-test-out "  %s" (plist-get a :title))
      (when (and (not chosen) (string-prefix-p "Set MinValue" (plist-get a :title)))
        (setq chosen a)))
    (unless chosen (cfn-test-fail "no MinValue action"))
    chosen))

(defun cfn-test-shutdown ()
  "Send shutdown and exit as `eglot-shutdown' does; check the server's own status.
eglot 1.9 deletes the process right after the exit notification, which
kills the JVM (status 9); here the server is given time to exit by itself."
  (let* ((server (eglot-current-server))
         (proc (jsonrpc--process server)))
    (setf (eglot--shutdown-requested server) t)
    (jsonrpc-request server :shutdown nil :timeout cfn-test-timeout)
    (jsonrpc-notify server :exit nil)
    ;; The process status is enough: in batch mode the sentinel may only run once jsonrpc deletes the process.
    (unless (cfn-test-wait (lambda () (memq (process-status proc) '(exit signal))))
      (cfn-test-fail "the server did not exit after shutdown and exit"))
    (cfn-test-out "server exit status: %d" (process-exit-status proc))
    (jsonrpc-shutdown server t)
    (unless (zerop (process-exit-status proc))
      (cfn-test-fail "the server exited with status %d" (process-exit-status proc)))))

(condition-case err
    (progn (cfn-test-run) (cfn-test-shutdown))
  (error (cfn-test-fail "%s" (error-message-string err))))
(cfn-test-out "PASS")
(kill-emacs 0)

;;; lsp-test.el ends here
