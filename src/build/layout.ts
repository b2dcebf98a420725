import path from 'node:path';
import { formatPart, type PartSpec } from '../lib/build-parts';

/**
 * Where a build in parts keeps its work (`BUILD_CACHE_DIR`): the content records, the render
 * cache, and each step's output, Astro cache, log and record. Kept between builds (CI restores
 * it), so an unchanged part is reused. By default `.build-cache/` in the project, or
 * `.build-cache-<name>/` beside `OUT_DIR`.
 */
export interface BuildLayout {
  root: string;
  /** The site's final output folder (`OUT_DIR`, default `dist`). */
  outDir: string;
  workDir: string;
  recordsDir: string;
  renderCacheDir: string;
  partsDir: string;
}

export function buildLayout(env: NodeJS.ProcessEnv, root: string): BuildLayout {
  const outDir = path.resolve(root, env.OUT_DIR || 'dist');
  const workDir = env.BUILD_CACHE_DIR
    ? path.resolve(root, env.BUILD_CACHE_DIR)
    : env.OUT_DIR
      ? path.join(path.dirname(outDir), `.build-cache-${path.basename(outDir)}`)
      : path.join(root, '.build-cache');
  return {
    root,
    outDir,
    workDir,
    recordsDir: path.join(workDir, 'records'),
    renderCacheDir: path.join(workDir, 'render-cache'),
    partsDir: path.join(workDir, 'parts'),
  };
}

/**
 * A step of the build that runs Astro: one part, the site-wide pages, or, for an archive built
 * as one part, every page in one process (`all`).
 */
export type AstroStep = { kind: 'part'; part: PartSpec } | { kind: 'site' } | { kind: 'all' };

/** `part 3/8`, `site pages` or `all pages`: how logs and errors name a step. */
export const stepName = (step: AstroStep) =>
  step.kind === 'part' ? `part ${formatPart(step.part)}` : step.kind === 'site' ? 'site pages' : 'all pages';

/** The folder of one step: its `dist/`, Astro cache, log and `step.json`. */
export function stepDir(layout: BuildLayout, step: AstroStep): string {
  return step.kind === 'part'
    ? path.join(layout.partsDir, `${step.part.index}-of-${step.part.count}`)
    : path.join(layout.workDir, step.kind);
}

/** The steps of a build of `count` parts, in order. */
export const partSteps = (count: number): AstroStep[] =>
  Array.from({ length: count }, (_, at) => ({ kind: 'part', part: { index: at + 1, count } }));
