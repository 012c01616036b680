// The two scripts of the embed, as plain ES5 text (tiny, no build step):
// RESIZE_SCRIPT runs inside the iframe and reports its height; LOADER_SCRIPT runs on the
// publisher's page and turns each <div data-chancery-embed="host=UA&…"> into a sandboxed iframe.
import { publicResponse } from "@/lib/http/response";
import type { Produced } from "@/lib/http/response-cache";

export const RESIZE_MESSAGE = "chancery:embed-height";

export const RESIZE_SCRIPT = `(function(){
if (window.parent === window) return;
var last = 0;
function send(){var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
if (height !== last) { last = height; window.parent.postMessage({type: "${RESIZE_MESSAGE}", height: height}, "*"); }}
send();
if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
window.addEventListener("load", send);
})();
`;

export const LOADER_SCRIPT = `(function(){
var script = document.currentScript;
if (!script || !script.src) return;
var origin = new URL(script.src).origin;
var state = window.__chanceryEmbed = window.__chanceryEmbed || {frames: [], listening: false};
var ALLOWED = {host:1, city:1, sending:1, status:1, type:1, sort:1, dir:1, columns:1, compact:1, theme:1, lang:1, title:1, at:1, known:1};
function mount(el){
  if (el.getAttribute("data-chancery-mounted")) return;
  el.setAttribute("data-chancery-mounted", "1");
  var given = new URLSearchParams(el.getAttribute("data-chancery-embed") || ""), query = new URLSearchParams();
  given.forEach(function(value, key){ if (ALLOWED[key] === 1) query.append(key, value); });
  var frame = document.createElement("iframe");
  frame.src = origin + "/embed?" + query.toString();
  frame.title = el.getAttribute("data-title") || "Embassy status table (Chancery)";
  frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
  frame.setAttribute("loading", "lazy");
  frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
  frame.style.cssText = "width:100%;height:320px;border:0;display:block";
  el.textContent = "";
  el.appendChild(frame);
  state.frames.push(frame);
}
if (!state.listening) {
  state.listening = true;
  window.addEventListener("message", function(event){
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "${RESIZE_MESSAGE}") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 0 || height > 20000) return;
    for (var i = 0; i < state.frames.length; i++) {
      if (state.frames[i].contentWindow === event.source) state.frames[i].style.height = Math.ceil(height) + "px";
    }
  });
}
var found = document.querySelectorAll("div[data-chancery-embed]");
for (var i = 0; i < found.length; i++) mount(found[i]);
})();
`;

const SCRIPT_HEADERS = { "Cache-Control": "public, max-age=300, s-maxage=300", "Cross-Origin-Resource-Policy": "cross-origin" };

export function scriptResponse(source: string): Produced {
  return { response: publicResponse(200, "text/javascript; charset=utf-8", source, SCRIPT_HEADERS, { embeddable: true }), tags: [] };
}
