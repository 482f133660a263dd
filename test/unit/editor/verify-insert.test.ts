// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { snapshotReplyBox, textForBox, verifyInsert } from '@/lib/editor/verify-insert';

/**
 * Reading back an insert: what an editor left in the box is compared with "before, with the selection
 * replaced by the template". The rich-text cases use the DOM that real editors render for the same text
 * (ProseMirror and Quill: one `<p>` per line, nbsp for runs of spaces; Lexical: spans inside `<p>`).
 */

const TEMPLATE = 'Анна, мне очень жаль.\nВерну деньги сегодня.';

function textarea(value: string, start: number, end = start): HTMLTextAreaElement {
  document.body.innerHTML = '<textarea></textarea>';
  const box = document.querySelector('textarea') as HTMLTextAreaElement;
  box.value = value;
  box.focus();
  box.setSelectionRange(start, end);
  return box;
}

function editable(html: string): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
  const box = document.querySelector('div') as HTMLElement;
  box.focus();
  return box;
}

function caretAtEnd(box: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(box);
  range.collapse(false);
  const selection = document.getSelection() as Selection;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe('verifyInsert in a textarea', () => {
  it('landed: the template replaced the selection, the rest untouched', () => {
    const box = textarea('Привет! XXX Пока.', 8, 11);
    const before = snapshotReplyBox(box);
    box.value = `Привет! ${TEMPLATE} Пока.`;
    expect(verifyInsert(box, before, TEMPLATE)).toBe('landed');
  });

  it('unchanged when the editor refused, wrong when it put the text elsewhere or doubled it', () => {
    const box = textarea('Привет! ', 8);
    const before = snapshotReplyBox(box);
    expect(verifyInsert(box, before, TEMPLATE)).toBe('unchanged');
    box.value = `${TEMPLATE}Привет! `;
    expect(verifyInsert(box, before, TEMPLATE)).toBe('wrong');
    box.value = `Привет! ${TEMPLATE}${TEMPLATE}`;
    expect(verifyInsert(box, before, TEMPLATE)).toBe('wrong');
  });

  it('a one-line input holds the lines joined by spaces', () => {
    document.body.innerHTML = '<input type="text">';
    const input = document.querySelector('input') as HTMLInputElement;
    expect(textForBox(input, TEMPLATE)).toBe('Анна, мне очень жаль. Верну деньги сегодня.');
  });
});

describe('verifyInsert in a contenteditable', () => {
  it('landed: the editor rendered the lines as paragraphs with nbsp, at the caret', () => {
    const box = editable('<p>Здравствуйте!</p>');
    caretAtEnd(box);
    const before = snapshotReplyBox(box);
    box.innerHTML = '<p>Здравствуйте!Анна, мне очень\u00A0жаль.</p><p>Верну деньги сегодня.</p>';
    expect(verifyInsert(box, before, TEMPLATE)).toBe('landed');
  });

  it('wrong: the text landed at the start instead of at the caret', () => {
    const box = editable('<p>Здравствуйте!</p>');
    caretAtEnd(box);
    const before = snapshotReplyBox(box);
    box.innerHTML = '<p>Анна, мне очень жаль.</p><p>Верну деньги сегодня.Здравствуйте!</p>';
    expect(verifyInsert(box, before, TEMPLATE)).toBe('wrong');
  });

  it('wrong: an editor that dropped a line of the template', () => {
    const box = editable('<p><br></p>');
    caretAtEnd(box);
    const before = snapshotReplyBox(box);
    box.innerHTML = '<p>Анна, мне очень жаль.</p>';
    expect(verifyInsert(box, before, TEMPLATE)).toBe('wrong');
  });

  it('unchanged: zero-width caret helpers an editor adds are not an insert', () => {
    const box = editable('<p>Здравствуйте!</p>');
    caretAtEnd(box);
    const before = snapshotReplyBox(box);
    box.innerHTML = '<p>Здравствуйте!\u200B</p>';
    expect(verifyInsert(box, before, TEMPLATE)).toBe('unchanged');
  });
});
