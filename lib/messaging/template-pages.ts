import type { TemplatePage } from '../model';

/** Templates per page: a few milliseconds for a frame to parse, where a whole 10k library took ≈ 100 ms. */
export const TEMPLATE_PAGE_SIZE = 1_000;
/** Reads started over while the library keeps changing under us; the last one takes what it gets. */
const ATTEMPTS = 3;

/**
 * The whole library, read a page at a time (see `TemplatePage`), so that no single message keeps a frame
 * busy: between two pages it handles input and renders (a prepared sidebar being opened, issue 19). Pages
 * of different data versions are not mixed: the read starts over. A library still changing on the last try
 * is taken as read; the change notice that follows every write (`dataChanged`) makes the caller read again.
 */
export async function readTemplatePages<T>(
  readPage: (request: { after?: string; limit: number }) => Promise<TemplatePage<T>>,
): Promise<T[]> {
  for (let attempt = 1; ; attempt++) {
    const all: T[] = [];
    let version: number | undefined;
    let after: string | undefined;
    for (;;) {
      const page = await readPage(
        after === undefined ? { limit: TEMPLATE_PAGE_SIZE } : { after, limit: TEMPLATE_PAGE_SIZE },
      );
      if (version !== undefined && page.version !== version && attempt < ATTEMPTS) break;
      version = page.version;
      for (const template of page.templates) all.push(template);
      if (page.next === null) return all;
      after = page.next;
    }
  }
}
