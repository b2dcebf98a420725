/**
 * Remembers which kinds of annotation the reader turned the marks off for, across pages.
 * The checkboxes of `#marking` do the work on their own (CSS `:has()`); this module restores
 * the saved choice on load and saves each change. Without storage the checkboxes still work.
 */
const STORAGE_KEY = 'annotated-wire:marks-off';

function saved(): string[] {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

function save(off: string[]) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(off));
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}

function rememberMarking() {
  const group = document.querySelector<HTMLElement>('#marking');
  if (!group) return;
  const boxes = [...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const off = saved();
  for (const box of boxes) box.checked = !off.includes(box.value);
  group.addEventListener('change', () => {
    // Kinds this article lacks keep their saved state.
    const here = new Set(boxes.map((box) => box.value));
    const elsewhere = saved().filter((kind) => !here.has(kind));
    save([...elsewhere, ...boxes.filter((box) => !box.checked).map((box) => box.value)]);
  });
}

rememberMarking();
