import type { Frame, Locator, Page } from 'playwright-core';
import type { PageServer } from '../demo/serve-pages';

/**
 * The editor families of test/e2e/editor-families.test.ts, one fixture page each under
 * test/fixtures/pages/editors/. A module of its own so that the strategy check in editor-insert.test.ts can
 * see which fixture pages the five-check suite drives.
 */

export const TEMPLATE = 'Анна, здравствуйте!\nВернём деньги в течение 10 дней.';

export interface EditorFamily {
  page: string;
  /** What the agent clicks to start typing. */
  box: (page: Page) => Locator;
  /** The page's send key. */
  sendKey: 'Enter' | 'Control+Enter';
  /** The editor's own history merges edits closer than this into one undo step. */
  undoGroupMs?: number;
  /**
   * What the model holds after the insert, when the editor keeps lines its own way (block editors put the
   * pasted lines into blocks of their own).
   */
  inserted?: string;
  /**
   * The sidebar's inserts are refused by design: the box sits in a frame of another origin than the page
   * (SECURITY.md, page-router.ts: a tenant's widget never receives an insert). Checks 1–2 then prove the
   * draft stays as typed; the guard's checks 3–5 run as for every family.
   */
  insertsRefused?: true;
  /** The frame whose document runs the editor (a cross-origin widget), default the page. */
  editorFrame?: (page: Page) => Frame;
  url?: (pages: PageServer, widgets: PageServer) => string;
}

export const byTestId = (page: Page) => page.getByTestId('reply-box');
export const inFrame = (page: Page) => page.frameLocator('iframe').first().locator('body');
const mod = 'Control+Enter' as const;

export const FAMILIES: EditorFamily[] = [
  // The first set (test/e2e/editor-insert.test.ts drives their strategies one by one).
  { page: 'textarea', box: byTestId, sendKey: mod },
  { page: 'input', box: byTestId, sendKey: 'Enter', inserted: TEMPLATE.replace('\n', ' ') },
  { page: 'react-textarea', box: byTestId, sendKey: mod },
  { page: 'contenteditable', box: byTestId, sendKey: mod },
  { page: 'plaintext-only', box: byTestId, sendKey: mod },
  { page: 'prosemirror', box: byTestId, sendKey: mod, undoGroupMs: 500 },
  { page: 'quill', box: byTestId, sendKey: mod, undoGroupMs: 1_000 },
  { page: 'lexical', box: byTestId, sendKey: mod },
  { page: 'slate', box: byTestId, sendKey: mod },
  { page: 'shadow-root', box: byTestId, sendKey: mod, undoGroupMs: 500 },
  { page: 'iframe', box: inFrame, sendKey: mod },
  { page: 'tinymce', box: inFrame, sendKey: mod },
  // Editors nobody had shown us (issue 18).
  { page: 'froala', box: byTestId, sendKey: mod },
  { page: 'summernote', box: byTestId, sendKey: mod },
  { page: 'ckeditor4', box: inFrame, sendKey: mod },
  { page: 'trix', box: byTestId, sendKey: 'Enter' },
  { page: 'squire', box: byTestId, sendKey: mod },
  // Jodit's history groups changes made within `history.timeout` (1 s) into one step.
  { page: 'jodit', box: byTestId, sendKey: mod, undoGroupMs: 1_100 },
  { page: 'medium-editor', box: byTestId, sendKey: mod },
  { page: 'toastui', box: byTestId, sendKey: mod, undoGroupMs: 500 },
  {
    page: 'blocknote',
    box: (page) => page.locator('.bn-editor'),
    sendKey: mod,
    undoGroupMs: 500,
    // BlockNote pastes each line of plain text as a block of its own, as with the agent's own Ctrl+V.
    inserted: `\n${TEMPLATE}`,
  },
  { page: 'suneditor', box: (page) => page.locator('.sun-editor-editable').first(), sendKey: mod },
  { page: 'quill1', box: byTestId, sendKey: mod, undoGroupMs: 1_000 },
  { page: 'quill-snow', box: byTestId, sendKey: mod, undoGroupMs: 1_000 },
  { page: 'tinymce-inline', box: byTestId, sendKey: mod },
  { page: 'lexical-enter', box: byTestId, sendKey: 'Enter' },
  { page: 'react-contenteditable', box: byTestId, sendKey: 'Enter' },
  { page: 'nested-shadow', box: byTestId, sendKey: 'Enter' },
  // Editor.js: the focused paragraph block is the box; its model is what `save()` returns.
  { page: 'editorjs', box: (page) => page.locator('.ce-paragraph').first(), sendKey: mod },
  {
    // A chat widget in a 96 px cross-origin frame: its dialog must be drawn in the top page, readable.
    page: 'widget',
    insertsRefused: true,
    box: (page) => page.frameLocator('iframe.widget').getByTestId('reply-box'),
    sendKey: 'Enter',
    editorFrame: (page) => page.frames().find((frame) => frame.url().split('?')[0].endsWith('/widget-frame.html'))!,
    url: (pages, widgets) =>
      `${pages.origin}/fixtures/pages/editors/widget.html?widget=${encodeURIComponent(
        `${widgets.origin}/fixtures/pages/editors/widget-frame.html`,
      )}`,
  },
];
