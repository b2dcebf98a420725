/** The language of every page (`<html lang>`), and so of the search index Pagefind builds. */
export const SITE_LANGUAGE = 'en';
