package io.github.cfnvalidator.report;

/** The HTML report's inline style and filtering script (no network, nothing needed from outside the page). */
final class HtmlAssets {
    private HtmlAssets() {
    }

    /** The style, scoped to {@code .cfnv} so that it can sit inside a Maven site page. */
    static final String CSS = """
            .cfnv{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;line-height:1.45;\
            max-width:1200px;margin:0 auto;padding:0 12px}
            .cfnv h1{font-size:1.6em;margin:.6em 0 .3em}.cfnv h2{font-size:1.25em;margin:1.2em 0 .4em;\
            border-bottom:1px solid #d0d7de}
            .cfnv h3{font-size:1em;margin:0 0 .3em;font-weight:600}
            .cfnv table{border-collapse:collapse;margin:.3em 0}
            .cfnv th,.cfnv td{border:1px solid #d0d7de;padding:2px 8px;text-align:left;vertical-align:top}
            .cfnv thead th{background:#f6f8fa}.cfnv td.n{text-align:right;font-variant-numeric:tabular-nums}
            .cfnv code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;color:inherit;            background:none;border:none;padding:0}
            .cfnv .verdict{display:inline-block;font-weight:700;font-size:1.2em;padding:2px 14px;border-radius:4px;\
            margin:0 .6em 0 0;color:#fff}
            .cfnv .verdict.pass{background:#1a7f37}.cfnv .verdict.fail{background:#cf222e}
            .cfnv .why{display:inline-block}
            .cfnv .sev{display:inline-block;border-radius:3px;padding:0 6px;font-size:.85em;font-weight:600;color:#fff}
            .cfnv .sev-error .sev,.cfnv .sev.sev-error{background:#cf222e}
            .cfnv .sev-warning .sev,.cfnv .sev.sev-warning{background:#9a6700}
            .cfnv .sev-info .sev,.cfnv .sev.sev-info{background:#0969da}
            .cfnv tr.sev-error th{color:#cf222e}.cfnv tr.sev-warning th{color:#9a6700}\
            .cfnv tr.sev-info th{color:#0969da}
            .cfnv details.file{border:1px solid #d0d7de;border-radius:6px;margin:.5em 0;padding:.2em .6em}
            .cfnv details>summary{cursor:pointer;font-weight:600}
            .cfnv article.finding{border-left:4px solid #d0d7de;margin:.6em 0 .9em;padding:.2em .7em}
            .cfnv article.sev-error{border-left-color:#cf222e}.cfnv article.sev-warning{border-left-color:#bf8700}\
            .cfnv article.sev-info{border-left-color:#0969da}
            .cfnv a.rule-page{font-size:.8em;font-weight:400}
            .cfnv .loc{color:#57606a;font-weight:400;font-family:ui-monospace,monospace;font-size:.85em;\
            overflow-wrap:anywhere}
            .cfnv .message,.cfnv .fix,.cfnv .where{margin:.2em 0;overflow-wrap:anywhere}
            .cfnv .where{color:#57606a;font-size:.9em}
            .cfnv table.source{width:100%;table-layout:fixed;background:#f6f8fa;font-size:.9em}
            .cfnv table.source td{border:none;padding:0 6px}
            .cfnv table.source td.ln{width:4em;text-align:right;color:#57606a;user-select:none}
            .cfnv table.source td.code code{white-space:pre-wrap;overflow-wrap:anywhere}
            .cfnv table.source tr.hl{background:#fff1c2}.cfnv table.source tr.hl td.ln{color:#1f2328;font-weight:700}
            .cfnv mark{background:#ffd33d;color:inherit}
            .cfnv table.witness{font-size:.9em;margin-top:.4em}
            .cfnv table.witness caption{text-align:left;font-weight:600;caption-side:top}
            .cfnv table.witness>tbody>tr>td{vertical-align:top}
            .cfnv table.def{margin:0;background:#f6f8fa;font-size:.95em}
            .cfnv table.def td{border:none;padding:0 6px}
            .cfnv table.def td.ln{color:#57606a;text-align:right;user-select:none}
            .cfnv table.def code{white-space:pre-wrap;overflow-wrap:anywhere}
            .cfnv ul.evidence{margin:.3em 0;padding-left:1.2em;font-size:.9em;overflow-wrap:anywhere}
            .cfnv #filter{position:sticky;top:0;background:#fff;padding:.4em 0;border-bottom:1px solid #d0d7de;z-index:1}
            .cfnv #filter label{display:inline-block;margin:0 1em 0 0;font-weight:400}
            .cfnv #filter input[type=search]{width:16em;display:inline-block}
            .cfnv .hidden{display:none}
            """;

    /** Shows the filter bar and filters findings by text and severity; the page reads the same without it. */
    static final String SCRIPT = """
            (function(){var root=document.getElementById('cfnv');if(!root){return;}
            var bar=root.querySelector('#filter');if(!bar){return;}bar.hidden=false;
            var text=bar.querySelector('#filter-text');var boxes=bar.querySelectorAll('.filter-sev');
            var count=bar.querySelector('#filter-count');
            function apply(){var q=text.value.toLowerCase();var sev={};
            boxes.forEach(function(b){sev[b.value]=b.checked;});var shown=0;
            root.querySelectorAll('details.file').forEach(function(d){var any=false;
            d.querySelectorAll('article.finding').forEach(function(a){
            var ok=sev[a.dataset.severity]&&(q===''||a.textContent.toLowerCase().indexOf(q)>=0);
            a.classList.toggle('hidden',!ok);if(ok){any=true;shown++;}});
            d.classList.toggle('hidden',!any);if(q!==''&&any){d.open=true;}});
            count.textContent=shown+' shown';}
            text.addEventListener('input',apply);boxes.forEach(function(b){b.addEventListener('change',apply);});
            apply();})();
            """;
}
