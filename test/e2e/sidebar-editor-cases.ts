import type { Locator, Page } from 'playwright-core';

/** The editor fixtures every insert path is proven on: the sidebar's insert and the inline picker's. */
export interface EditorCase {
  page: string;
  box: (page: Page) => Locator;
  /** An input holds one line. */
  expected?: string;
  /** The editor's own history merges edits closer than this into one undo step. */
  undoGroupMs?: number;
}

const byTestId = (page: Page) => page.getByTestId('reply-box');
const inFrame = (page: Page) => page.frameLocator('iframe').locator('body');

/** The cases for inserting `text` (two lines: an input gets them joined by a space). */
export function editorCases(text: string): EditorCase[] {
  return [
    { page: 'textarea', box: byTestId },
    { page: 'input', box: byTestId, expected: text.replace('\n', ' ') },
    { page: 'react-textarea', box: byTestId },
    { page: 'contenteditable', box: byTestId },
    { page: 'prosemirror', box: byTestId, undoGroupMs: 500 },
    { page: 'quill', box: byTestId, undoGroupMs: 1_000 },
    { page: 'lexical', box: byTestId },
    { page: 'slate', box: byTestId },
    { page: 'shadow-root', box: byTestId, undoGroupMs: 500 },
    { page: 'iframe', box: inFrame },
    { page: 'tinymce', box: inFrame },
  ];
}
