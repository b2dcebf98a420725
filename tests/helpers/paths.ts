import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures');
/** Where test builds are written: outside the project so they never mix with `dist/`. */
export const SITES_DIR = path.join(os.tmpdir(), 'annotated-news-test-sites');
