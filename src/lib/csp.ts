/**
 * The Content-Security-Policy every page carries (as a meta tag) and that README gives as a
 * header for hosts that take one. No inline scripts or styles; WebAssembly and a worker from
 * our own origin for search.
 */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');
