/**
 * Margin notes float beside their lines by CSS alone (article.css). A float cannot always sit
 * on its own line (it drops one line when the words after it fill that line), and crowded
 * notes stack down, so the last ones could run past the end of the story. This places each
 * note level with the line its number is on, below the note before it, then lifts just enough
 * of the last ones, from the end upward, that none ends below the story's last line (as
 * gwern.net's sidenotes do). Without JavaScript the notes stay where CSS puts them.
 */
const wide = window.matchMedia('(min-width: 75rem)');
/** Space between two stacked notes, and from a line's top to its note's first line, in CSS pixels. */
const GAP = 8;
const LINE_OFFSET = 4;

/** The bottom of a part's own text (its floats excluded), in viewport pixels. */
function textBottom(part: Element): number {
  const blocks = [...part.children].filter((child) => !child.classList.contains('margin-note'));
  return Math.max(...blocks.map((block) => block.getBoundingClientRect().bottom));
}

/** The top of the line the note's number is written on: after the words, or before a passage holding others. */
function numberLineTop(part: Element, note: HTMLElement): number | undefined {
  const annotation = part.querySelector(`.annotation[data-note="${note.dataset.note}"]`);
  if (!annotation) return undefined;
  const lines = annotation.getClientRects();
  const line = annotation.querySelector('.annotation') ? lines[0] : lines[lines.length - 1];
  return line && line.top + LINE_OFFSET;
}

interface Placed {
  note: HTMLElement;
  natural: number;
  top: number;
  height: number;
}

function place(part: Element) {
  const notes = [...part.querySelectorAll<HTMLElement>('.margin-note')];
  for (const note of notes) note.style.translate = '';
  if (!wide.matches) return;
  const placed: Placed[] = [];
  let floor = -Infinity;
  for (const note of notes) {
    const box = note.getBoundingClientRect();
    if (box.height === 0) continue;
    const top = Math.max(numberLineTop(part, note) ?? box.top, floor);
    placed.push({ note, natural: box.top, top, height: box.height });
    floor = top + box.height + GAP;
  }
  let limit = textBottom(part);
  for (let i = placed.length - 1; i >= 0; i--) {
    const item = placed[i]!;
    if (item.top + item.height <= limit) break;
    item.top = limit - item.height;
    limit = item.top - GAP;
  }
  // Too many notes for the story's height: leave them where CSS put them rather than above it.
  if (placed[0] && placed[0].top < part.getBoundingClientRect().top) return;
  for (const { note, natural, top } of placed) note.style.translate = `0 ${Math.round(top - natural)}px`;
}

function placeAll() {
  for (const part of document.querySelectorAll('.article__text')) place(part);
}

let queued = false;
function queuePlace() {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    placeAll();
  });
}

const parts = document.querySelectorAll('.article__text');
if (parts.length > 0) {
  const observer = new ResizeObserver(queuePlace);
  for (const part of parts) observer.observe(part);
  wide.addEventListener('change', queuePlace);
  // The marking control hides a kind's notes: the others may then sit where CSS puts them.
  document.addEventListener('change', queuePlace);
}
