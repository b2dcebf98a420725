import type { ContentProblem } from '../content/problems';

/** The outcome of the latest content check in `npm run dev`: nothing when it passed. */
export interface ContentFailure {
  message: string;
  /** The problems found, when the check ran to the end (a `ContentError`). */
  problems: ContentProblem[];
}

type ContentStatusListener = (failure: ContentFailure | undefined) => void;

/**
 * The content loaders and the dev-server integration are loaded as separate module
 * instances (Astro loads the content config and astro.config.mjs each through its own
 * loader), so they meet on one object kept on `globalThis` rather than on module state.
 */
const CHANNEL = Symbol.for('annotated-news.content-status');

interface Channel {
  listeners: Set<ContentStatusListener>;
}

function channel(): Channel {
  const holder = globalThis as typeof globalThis & { [CHANNEL]?: Channel };
  holder[CHANNEL] ??= { listeners: new Set() };
  return holder[CHANNEL];
}

/** Tells the dev server whether the content check, re-run after a file changed, passed. */
export function reportContentStatus(error: unknown): void {
  const failure =
    error === undefined
      ? undefined
      : {
          message: error instanceof Error ? error.message : String(error),
          problems: (error as { problems?: ContentProblem[] }).problems ?? [],
        };
  for (const listener of channel().listeners) listener(failure);
}

/** Calls `listener` with every later outcome; returns the function that stops it. */
export function onContentStatus(listener: ContentStatusListener): () => void {
  channel().listeners.add(listener);
  return () => channel().listeners.delete(listener);
}
