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

/** A step of the build that runs Astro: one part, or the site-wide pages. */
export type AstroStep = { kind: 'part'; part: PartSpec } | { kind: 'site' };

/** `part 3/8` or `site pages`: how logs and errors name a step. */
export const stepName = (step: AstroStep) => (step.kind === 'part' ? `part ${formatPart(step.part)}` : 'site pages');

/** The folder of one step: its `dist/`, Astro cache, log and `step.json`. */
export function stepDir(layout: BuildLayout, step: AstroStep): string {
  return step.kind === 'part'
    ? path.join(layout.partsDir, `${step.part.index}-of-${step.part.count}`)
    : path.join(layout.workDir, 'site');
}
