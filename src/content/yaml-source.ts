import { LineCounter, isMap, isPair, isScalar, parseDocument, type Document } from 'yaml';

export interface Place {
  line: number;
  column: number;
}

/** A parsed YAML document that can say where each field was written. */
export interface YamlSource {
  data: unknown;
  /** Syntax errors, with their place. */
  errors: { message: string; line: number; column: number }[];
  /** Where the value at `path` starts (or its key, for a missing child, the parent). */
  placeOf(path: readonly (string | number)[]): Place;
}

/** The document with its line counter: what `placeOf` walks. */
function parseWithPlaces(source: string) {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { doc, lineCounter };
}

/** Line (shifted by `lineOffset`) and column of an offset. */
function placeAt(lineCounter: LineCounter, offset: number, lineOffset: number): Place {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line + lineOffset, column: col };
}

/** The data and syntax errors of a YAML text. */
function readYaml(source: string, lineOffset: number): Pick<YamlSource, 'data' | 'errors'> {
  const { doc, lineCounter } = parseWithPlaces(source);
  const errors = doc.errors.map((error) => ({
    message: error.message.split('\n')[0]!,
    ...placeAt(lineCounter, error.pos[0], lineOffset),
  }));
  return { data: errors.length ? undefined : doc.toJS(), errors };
}

/**
 * Parses YAML with the `yaml` library's core schema: dates stay `YYYY-MM-DD` strings so
 * that impossible days are caught rather than rolled over, and every node keeps its range.
 * Only the data and the errors are kept: a parsed document with its node ranges weighs many
 * times its text, and an archive holds tens of thousands of claim files, so `placeOf`
 * (asked only about a file with a problem) parses the text again.
 */
export function parseYamlSource(source: string, lineOffset = 0): YamlSource {
  return {
    ...readYaml(source, lineOffset),
    placeOf(path) {
      const { doc, lineCounter } = parseWithPlaces(source);
      const toPlace = (offset: number) => placeAt(lineCounter, offset, lineOffset);
      let node: unknown = doc.contents;
      let best: Place = toPlace(0);
      for (const segment of path) {
        if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
        const items = (node as { items: unknown[] }).items;
        let next: unknown;
        if (isMap(node)) {
          const pair = items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
          if (!pair || !isPair(pair)) break;
          const key = pair.key as { range?: [number, number, number] };
          if (key.range) best = toPlace(key.range[0]);
          next = pair.value;
        } else {
          next = items[Number(segment)];
        }
        const range = (next as { range?: [number, number, number] } | undefined)?.range;
        if (range) best = toPlace(range[0]);
        node = next;
      }
      return best;
    },
  };
}
