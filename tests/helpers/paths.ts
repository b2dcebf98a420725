import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures');
/**
 * Where test builds are written: outside the project so they never mix with `dist/`, and
 * one folder per checkout so two checkouts can run their tests at once.
 */
export const SITES_DIR = path.join(
  os.tmpdir(),
  `annotated-news-test-sites-${createHash('sha256').update(PROJECT_ROOT).digest('hex').slice(0, 8)}`,
);
