// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createTextControlMirror, layoutLines } from '@/lib/agent/text-control-mirror';
import type { Finding } from '@/lib/model';
import { keepShadowRoots } from '../../fixtures/keep-shadow-roots';

const finding = (start: number, end: number, severity: Finding['severity'] = 'warning'): Finding =>
  ({ ruleId: `rule-${start}`, start, end, severity, message: '', suggestions: [] }) as unknown as Finding;

/** The mirror's root is closed: the test keeps the roots it attaches. */
const roots = keepShadowRoots();
function mirrorLines(): HTMLElement[] {
  const mirror = roots.map((root) => root.querySelector('.mirror')).find(Boolean);
  return [...(mirror?.children ?? [])] as HTMLElement[];
}

describe('the textarea mirror, line by line', () => {
  it('splits the value at line breaks and underlines a finding across a break on both lines', () => {
    const lines = layoutLines('Я не знаю\nточно.\n', [finding(5, 15)]);
    expect(lines.map((line) => line.text)).toEqual(['Я не знаю', 'точно.', '']);
    expect(lines[0].marks.map((mark) => [mark.start, mark.end])).toEqual([[5, 9]]);
    expect(lines[1].marks.map((mark) => [mark.start, mark.end])).toEqual([[0, 5]]);
    expect(lines[2].marks).toEqual([]);
  });

  it('keeps the first of two overlapping findings', () => {
    const lines = layoutLines('вы должны подождать', [finding(0, 9), finding(3, 19)]);
    expect(lines[0].marks.map((mark) => [mark.start, mark.end])).toEqual([[0, 9]]);
  });

  it('patches the line the agent typed in, rebuilds it only when its underlines change, and the untouched lines keep their elements', () => {
    const textarea = document.createElement('textarea');
    document.body.append(textarea);
    const controller = new AbortController();
    const mirror = createTextControlMirror(textarea, controller.signal);
    textarea.value = 'Здравствуйте!\nВы должны подождать.\nСпасибо.';
    mirror.paint([finding(14, 23)]);
    const before = mirrorLines();
    expect(before.map((line) => line.textContent)).toEqual(['Здравствуйте!', 'Вы должны подождать.', 'Спасибо.']);
    expect(before[1].querySelector('span')?.textContent).toBe('Вы должны');

    // A letter typed in the first line moves the finding one character on; its line looks the same.
    textarea.value = 'Здравствуйте!!\nВы должны подождать.\nСпасибо.';
    const moved = finding(15, 24);
    mirror.paint([moved]);
    const after = mirrorLines();
    expect(after.map((line) => line.textContent)).toEqual(['Здравствуйте!!', 'Вы должны подождать.', 'Спасибо.']);
    // The typed line has the same parts (plain text): its text node takes the new text, no new element.
    const typedText = before[0].firstChild;
    expect(after[0]).toBe(before[0]);
    expect(after[0].firstChild).toBe(typedText);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    // The kept span now stands for the moved finding (the card opens on it with its new offsets).
    expect(mirror.rectOf(moved)).not.toBeUndefined();

    // An underline appears in the typed line: its parts change, so it is built again.
    mirror.paint([finding(0, 5), moved]);
    const marked = mirrorLines();
    expect(marked[0]).not.toBe(before[0]);
    expect(marked[0].querySelector('span')?.textContent).toBe('Здрав');
    expect(marked[1]).toBe(before[1]);
    mirror.paint([moved]);

    // A new line break: the lines after it move down, still the same elements.
    textarea.value = 'Здравствуйте!!\n\nВы должны подождать.\nСпасибо.';
    mirror.paint([finding(16, 25)]);
    const split = mirrorLines();
    expect(split.map((line) => line.textContent)).toEqual([
      'Здравствуйте!!',
      '\u200b',
      'Вы должны подождать.',
      'Спасибо.',
    ]);
    expect(split[2]).toBe(before[1]);
    expect(split[3]).toBe(before[2]);
    mirror.destroy();
    controller.abort();
  });
});
