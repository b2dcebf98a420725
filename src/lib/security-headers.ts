import { CONTENT_SECURITY_POLICY_HEADER, EMBED_CONTENT_SECURITY_POLICY_HEADER } from './csp';

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
 * The headers of a claim's embed page, the one page other sites may frame: no
 * `X-Frame-Options` (it cannot allow every origin) and `frame-ancestors *`.
 */
export const EMBED_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SECURITY_HEADERS)
    .filter(([name]) => name !== 'X-Frame-Options')
    .map(([name, value]) => [name, name === 'Content-Security-Policy' ? EMBED_CONTENT_SECURITY_POLICY_HEADER : value]),
);

/**
 * The `_headers` file of Netlify and Cloudflare Pages: every path under the base path gets
 * the security headers (https://docs.netlify.com/routing/headers/); the embed pages detach
 * the two that refuse frames (`! Name`, Cloudflare's syntax) and get the embed policy.
 */
export function headersFile(base: string): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  const embed = [
    '  ! Content-Security-Policy',
    '  ! X-Frame-Options',
    `  Content-Security-Policy: ${EMBED_CONTENT_SECURITY_POLICY_HEADER}`,
  ];
  return (
    `# Security headers, generated from src/lib/csp.ts and src/lib/security-headers.ts.\n${base}*\n${lines.join('\n')}\n` +
    `\n# Claim cards for other sites to embed: the one page that may be framed.\n${base}claims/*/embed/*\n${embed.join('\n')}\n`
  );
}

const addHeaders = (headers: Readonly<Record<string, string>>) =>
  Object.entries(headers)
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join('\n');

/** The same headers as nginx directives, for a `server` or `location` block (README). */
export function nginxHeaders(): string {
  return addHeaders(SECURITY_HEADERS);
}

/**
 * The nginx `location` of the embed pages under `base`: their own headers (a `location` with
 * an `add_header` drops the server's, so every header is repeated there).
 */
export function nginxEmbedLocation(base: string): string {
  const headers = addHeaders(EMBED_SECURITY_HEADERS).replace(/\n/g, '\n  ');
  return `location ~ ^${base}claims/[^/]+/embed/ {\n  ${headers}\n  try_files $uri $uri/ =404;\n}`;
}
