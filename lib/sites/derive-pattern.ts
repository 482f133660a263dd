/**
 * A pattern for a value the agent marked inside a longer text («Заказ Д-1048213 от 3 мая» → «Д-1048213»), so the
 * same place reads the next ticket's value too: the word just before the value anchors it, and the value's shape
 * (runs of letters, digits, other characters) becomes the capture group. Returns null when no pattern is
 * needed (the value is the whole text) and undefined when the value is not in the text.
 */
export function derivePattern(text: string, value: string): string | null | undefined {
  const at = text.indexOf(value);
  if (at < 0 || value.trim() === '') return undefined;
  if (value.trim() === text.trim()) return null;
  const shape = shapeOf(value);
  const anchor = /(\p{L}+)[^\p{L}\p{N}]*$/u.exec(text.slice(0, at));
  const candidates = [
    anchor ? `${escapeRegExp(anchor[1])}[^\\p{L}\\p{N}]*(${shape})` : null,
    `(${shape})`,
    `(${escapeRegExp(value)})`,
  ];
  for (const pattern of candidates) {
    if (pattern && new RegExp(pattern, 'iu').exec(text)?.[1] === value) return pattern;
  }
  return undefined;
}

/** `Д-1048213` → `\p{L}+-\d+`: letters, digits and the literal separators between them. */
function shapeOf(value: string): string {
  let shape = '';
  for (const run of value.match(/\p{L}+|\p{N}+|[^\p{L}\p{N}]+/gu) ?? []) {
    if (/^\p{L}/u.test(run)) shape += '\\p{L}+';
    else if (/^\p{N}/u.test(run)) shape += '\\d+';
    else shape += run.trim() === '' ? '\\s+' : escapeRegExp(run);
  }
  return shape;
}

function escapeRegExp(text: string): string {
  // No `-` here: `\-` outside a class is a syntax error with the `u` flag.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
