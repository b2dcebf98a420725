import { CONTENT_SECURITY_POLICY_HEADER } from './csp';

/**
 * The HTTP headers every response of the site should carry, for hosts that take headers.
 * Built from the same CSP as the pages' meta tag, and written to `dist/_headers` (Netlify,
 * Cloudflare Pages) by the security-headers integration; README shows them for nginx.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Older browsers that do not know `frame-ancestors`.
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The `_headers` file of Netlify and Cloudflare Pages: every path under the base path gets
 * the security headers (https://docs.netlify.com/routing/headers/).
 */
export function headersFile(base: string): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `# Security headers, generated from src/lib/csp.ts and src/lib/security-headers.ts.\n${base}*\n${lines.join('\n')}\n`;
}

/** The same headers as nginx directives, for a `server` or `location` block (README). */
export function nginxHeaders(): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join('\n');
}
