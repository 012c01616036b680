// The lite edition of a read-only public page (decision 024): Next's client runtime is dropped
// from the server-rendered HTML (its script tags, script preloads and the inline RSC payload),
// because these pages are whole without it: links, GET forms, <details>. What stays is one tiny
// script that registers the service worker, plus the small enhancement scripts a component
// renders itself with `data-lite-keep` (the embed builder's). Pure: string in, string out.

export const SERVICE_WORKER_REGISTRATION = "/sw-register.js";
export const LITE_KEEP_ATTRIBUTE = "data-lite-keep";

const NEXT_ERROR_SHELL = /<html\b[^>]*\bid="__next_error__"/;
const SCRIPT = /<script\b(?![^>]*\bdata-lite-keep\b)[^>]*>[\s\S]*?<\/script\s*>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:modulepreload|preload)")(?=[^>]*\bas="script"|[^>]*\brel="modulepreload")[^>]*>/gi;

/** Next's error shell (a notFound() after streaming began): its content comes only from the runtime. */
export function isNextErrorShell(html: string): boolean {
  return NEXT_ERROR_SHELL.test(html);
}

function scriptTag(src: string, nonce: string): string {
  return `<script src="${src}" nonce="${nonce}" defer></script>`;
}

/** The nonce the render was given, read from its Content-Security-Policy header. */
export function nonceOf(contentSecurityPolicy: string | undefined): string | undefined {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(contentSecurityPolicy ?? "")?.[1];
}

/**
 * The HTML without Next's client runtime. Returns the input unchanged when it is not a full
 * HTML document, is Next's error shell, or there is no nonce to give the remaining scripts.
 */
export function liteHtml(html: string, contentSecurityPolicy: string | undefined): string {
  const nonce = nonceOf(contentSecurityPolicy);
  const bodyEnd = html.lastIndexOf("</body>");
  // Next's error shell (a notFound() after streaming began) gets its content only from the
  // runtime: without it the page would be blank.
  if (!nonce || bodyEnd === -1 || isNextErrorShell(html)) return html;
  const stripped = html.slice(0, bodyEnd).replace(SCRIPT, "").replace(SCRIPT_PRELOAD, "");
  return stripped + scriptTag(SERVICE_WORKER_REGISTRATION, nonce) + html.slice(bodyEnd).replace(SCRIPT, "");
}
