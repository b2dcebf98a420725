/**
 * The Content-Security-Policy, in one place. Every page carries it as a meta tag
 * (BaseLayout); `_headers` and README's nginx snippet send it as a header (security-headers.ts).
 * No inline scripts or styles; WebAssembly and a worker from our own origin for search.
 */
const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** What only a header can say: browsers ignore (and warn about) `frame-ancestors` in a meta tag. */
const CSP_HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

/** The policy as the meta tag carries it. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** The policy as an HTTP header: the meta tag's directives plus the header-only ones. */
export const CONTENT_SECURITY_POLICY_HEADER = [...CSP_DIRECTIVES, ...CSP_HEADER_ONLY_DIRECTIVES].join('; ');

/**
 * The header policy of a claim's embed page (`/claims/<id>/embed/`), the one page other sites
 * may frame: the same directives, any origin as a frame ancestor.
 */
export const EMBED_CONTENT_SECURITY_POLICY_HEADER = [...CSP_DIRECTIVES, 'frame-ancestors *'].join('; ');
