/** Search engines and tabs show about 70 characters of a `<title>`; html-validate warns past it. */
export const TITLE_LIMIT = 70;

/**
 * The `<title>` of a page: "Headline · Site" when it fits in `limit` characters; else the
 * headline alone; else the headline cut at a word, with an ellipsis. The page's `<h1>` and
 * `og:title` keep the full headline.
 */
export function pageTitle(title: string, siteName: string, limit = TITLE_LIMIT): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (text === siteName) return text;
  const full = `${text} · ${siteName}`;
  if ([...full].length <= limit) return full;
  if ([...text].length <= limit) return text;
  const room = [...text].slice(0, limit - 1).join('');
  const space = room.lastIndexOf(' ');
  const cut = (space > 0 ? room.slice(0, space) : room).replace(/[\s,;:.—–-]+$/, '');
  return `${cut}…`;
}
