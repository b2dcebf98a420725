import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures');
/**
 * Where test builds are written: inside this checkout (so two checkouts never share them),
 * but away from `dist/`. Inside, because Astro 5 mixes its own files (`content-modules.mjs`,
 * `collections/*.schema.json`) into an output folder outside the project.
 */
export const SITES_DIR = path.join(PROJECT_ROOT, 'node_modules/.cache/annotated-news-test-sites');
