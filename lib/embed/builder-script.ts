// The embed builder's enhancement (decision 024), loaded only by the builder itself
// (app/countries/[code]/_components/embed-builder.tsx). Without it the builder still gives the code for the current
// filters and a link to preview it; with it, columns, theme, compact rows and freezing change the code
// live, a preview appears when the builder is opened, and a button copies the code.
// Plain ES5-level JavaScript, a few hundred bytes gzipped: no client runtime needed.
export const EMBED_BUILDER_SCRIPT = `(function(){
function esc(s){return s.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/"/g,"&quot;").replace(/'/g,"&#39;")}
document.querySelectorAll('[data-embed-builder]').forEach(function(root){
var d=root.dataset,code=root.querySelector("textarea"),frame=null,status=root.querySelector("[data-embed-status]"),link=root.querySelector("[data-embed-preview-link]");
root.querySelectorAll("[data-embed-js]").forEach(function(el){el.hidden=false});
function query(){var p=new URLSearchParams(d.embedBase);var cols=[].slice.call(root.querySelectorAll('input[name="columns"]:checked')).map(function(i){return i.value});
root.querySelectorAll('input[name="columns"]').forEach(function(i){i.disabled=cols.length===1&&i.checked});
if(cols.length&&cols.join(",")!==d.embedDefaultColumns)p.set("columns",cols.join(","));
if(root.querySelector('input[name="compact"]').checked)p.set("compact","1");
var theme=root.querySelector('select[name="theme"]').value;if(theme!=="auto")p.set("theme",theme);
var view=root.querySelector('select[name="view"]');if(view&&view.value!=="table")p.set("view",view.value);
var frozen=root.querySelector('input[name="frozen"]');if(frozen&&frozen.checked){p.set("at",frozen.dataset.frozenAt);p.set("known","then")}return p.toString()}
function update(){var q=query();code.value=d.embedTemplate.replace("__QUERY__",esc(q));link.href="/embed?"+q;if(frame)frame.src="/embed?"+q}
root.addEventListener("change",update);
root.addEventListener("toggle",function(){if(root.open&&!frame){frame=document.createElement("iframe");frame.title=d.embedPreviewTitle;frame.className="h-96 w-full rounded border border-slate-200";root.querySelector("[data-embed-preview]").appendChild(frame);update()}});
root.querySelector("[data-embed-copy]").addEventListener("click",function(){navigator.clipboard.writeText(code.value).then(function(){status.textContent=d.embedCopied},function(){status.textContent=d.embedCopyFailed})});
update()})})();`;
