import { describe, expect, it } from 'vitest';
import {
  CONTROL_CHARACTER_RULE,
  MAX_LISTED_PER_FILE,
  controlCharacterProblems,
  describeControlCharacter,
  escapedControlCharacterProblems,
  findControlCharacters,
} from '../../src/content/control-characters';
import { formatProblem } from '../../src/content/problems';
import { parseYamlSource } from '../../src/content/yaml-source';

describe('findControlCharacters', () => {
  it('finds nothing in ordinary text with tabs, LF and CRLF line endings', () => {
    expect(findControlCharacters('title: “Quotes” – dashes…\n\tindented\r\nnext line\n')).toEqual([]);
  });

  it('gives the line and column of each, counting LF and CRLF lines alike', () => {
    expect(findControlCharacters('ab\u000bc\r\nline two\r\n  \u0007x\n\u007f')).toEqual([
      { char: '\u000b', line: 1, column: 3 },
      { char: '\u0007', line: 3, column: 3 },
      { char: '\u007f', line: 4, column: 1 },
    ]);
  });

  it('finds the C0 and C1 ranges, DEL and a carriage return that ends no CRLF', () => {
    const found = findControlCharacters('\u0000\u0008\u000c\u000e\u001f\u0080\u0085\u009f\rx');
    expect(found.map((each) => each.char.codePointAt(0))).toEqual([
      0x00, 0x08, 0x0c, 0x0e, 0x1f, 0x80, 0x85, 0x9f, 0x0d,
    ]);
  });

  it('leaves the characters right outside the ranges alone', () => {
    expect(findControlCharacters(' ~\u00a0\u00ad\u200d\ufeff')).toEqual([]);
  });
});

describe('describeControlCharacter', () => {
  it('names the character by code point and name', () => {
    expect(describeControlCharacter('\u000b')).toBe('U+000B (vertical tab)');
    expect(describeControlCharacter('\u0000')).toBe('U+0000 (null)');
    expect(describeControlCharacter('\u001b')).toBe('U+001B (escape)');
    expect(describeControlCharacter('\u007f')).toBe('U+007F (delete)');
    expect(describeControlCharacter('\u0092')).toBe('U+0092 (C1 control)');
  });
});

describe('controlCharacterProblems', () => {
  it('reports each with file, line, column, message, hint and rule', () => {
    expect(controlCharacterProblems('name: Nora\u000bVance\n', 'people/nora-vance.yaml')).toEqual([
      {
        file: 'people/nora-vance.yaml',
        line: 1,
        column: 11,
        message: 'Unexpected control character U+000B (vertical tab), expected text',
        hint: 'delete it: it is invisible in most editors and is often pasted with text from Word or a PDF',
        rule: CONTROL_CHARACTER_RULE,
      },
    ]);
  });

  it('says which character a Windows-1252 leftover stood for', () => {
    const [problem] = controlCharacterProblems('the harbour master\u0092s plan', 'a.mdx');
    expect(problem?.hint).toContain('`’`');
  });

  it('says how to fix the line endings of a lone carriage return', () => {
    const [problem] = controlCharacterProblems('one\rtwo', 'a.mdx');
    expect(problem?.message).toContain('U+000D (carriage return)');
    expect(problem?.hint).toMatch(/line endings/);
  });

  it('lists the first few one by one, then one summary at the next', () => {
    const text = 'a\u0001\n'.repeat(MAX_LISTED_PER_FILE) + '\u0002\n\u0003\n\u0002';
    const problems = controlCharacterProblems(text, 'a.mdx');
    expect(problems).toHaveLength(MAX_LISTED_PER_FILE + 1);
    expect(problems.map((problem) => problem.line)).toEqual([1, 2, 3, 4]);
    const summary = problems.at(-1)!;
    expect(summary).toMatchObject({ line: 4, column: 1, rule: CONTROL_CHARACTER_RULE });
    expect(summary.message).toBe(
      'Unexpected control characters: 3 more from here on (U+0002 (start of text), U+0003 (end of text)), expected text',
    );
    expect(summary.hint).toMatch(/regular expression/);
  });

  it('keeps a file full of control characters to a few short problems', () => {
    const problems = controlCharacterProblems('\u0001'.repeat(100_000), 'a.mdx');
    expect(problems).toHaveLength(MAX_LISTED_PER_FILE + 1);
    expect(problems.at(-1)!.message).toContain('99997 more');
  });

  it('prints as file:line:column with the hint, and never the raw character', () => {
    const [problem] = controlCharacterProblems('x\n  \u001b[31mred', 'articles/a.mdx');
    const printed = formatProblem(problem!);
    expect(printed).toMatch(
      /^articles\/a\.mdx:2:3: Unexpected control character U\+001B \(escape\), expected text \[control-character\]\n {2}hint: delete it/,
    );
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('escapedControlCharacterProblems', () => {
  it('reports a control character written as a double-quoted escape, at its value', () => {
    const yaml = parseYamlSource('name: Nora Vance\nbio: "Runs\\vthe port"\naliases: ["Van\\x07ce"]\n');
    expect(escapedControlCharacterProblems(yaml, 'people/nora-vance.yaml')).toEqual([
      expect.objectContaining({
        line: 2,
        column: 6,
        field: 'bio',
        message: 'Unexpected control character U+000B (vertical tab), expected text',
        rule: CONTROL_CHARACTER_RULE,
      }),
      expect.objectContaining({
        line: 3,
        column: 11,
        field: 'aliases.0',
        message: expect.stringContaining('U+0007 (bell)'),
      }),
    ]);
  });

  it('finds none in values without one, and none in YAML that did not parse', () => {
    expect(escapedControlCharacterProblems(parseYamlSource('bio: "tab\\there\\nand a new line"\n'), 'a.yaml')).toEqual(
      [],
    );
    expect(escapedControlCharacterProblems(parseYamlSource('bio: [unclosed\n'), 'a.yaml')).toEqual([]);
  });
});
