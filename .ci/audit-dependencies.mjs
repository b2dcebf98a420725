#!/usr/bin/env node
// Fails when a production dependency has a high or critical advisory, or when the audit
// could not run (npm audit needs the registry's advisory endpoint, a POST request).
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}

if (!report || report.error || !report.metadata) {
  const detail = report?.error?.summary || report?.message || run.stderr.trim() || run.error?.message || 'no report';
  console.error(
    "npm audit could not check the production dependencies: the registry's advisory endpoint " +
      '(POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk) did not answer.\n' +
      `  npm said: ${detail}\n` +
      '  Run this step where that endpoint is reachable (a proxy that only passes GET requests blocks it).',
  );
  process.exit(2);
}

const { vulnerabilities: counts, dependencies } = report.metadata;
const serious = Object.values(report.vulnerabilities ?? {}).filter(
  (v) => v.severity === 'high' || v.severity === 'critical',
);
console.log(
  `npm audit --omit=dev: ${dependencies?.prod ?? '?'} production dependencies; ` +
    Object.entries(counts)
      .map(([severity, count]) => `${severity} ${count}`)
      .join(', '),
);
if (serious.length) {
  for (const v of serious)
    console.error(
      `  ${v.severity}: ${v.name} ${v.range} (${[v.via]
        .flat()
        .map((via) => via.title ?? via)
        .join('; ')})`,
    );
  console.error(
    'High or critical advisories in production dependencies: update them (`npm audit fix`) before publishing.',
  );
  process.exit(1);
}
