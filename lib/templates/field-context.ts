/**
 * The words around a fill-in, so the form can show «…приедет [дата доставки], курьер позвонит…» instead of
 * a bare «дата доставки» (issue 15: bare labels such as «товар», «сумма» do not say what goes there).
 * Pure: the first `[name]` in the body, the sentence around it cut at word boundaries to about `reach`
 * characters each side; other fill-ins in that stretch stay as written.
 */
export interface FieldContext {
  before: string;
  after: string;
}

export function fieldContext(body: string, name: string, reach = 48): FieldContext | null {
  const token = `[${name}]`;
  const at = body.indexOf(token);
  if (at < 0) return null;
  const end = at + token.length;
  // The sentence: back to the last . ! ? or line break before the field, on to the first after it.
  const start = Math.max(...['.', '!', '?', '\n'].map((mark) => body.lastIndexOf(mark, at - 1) + 1));
  const stopAt = ['.', '!', '?', '\n']
    .map((mark) => body.indexOf(mark, end))
    .filter((index) => index >= 0)
    .reduce((min, index) => Math.min(min, index + 1), body.length);
  let before = body.slice(start, at).trimStart();
  let after = body.slice(end, stopAt).trimEnd();
  if (before.length > reach) before = `…${before.slice(before.indexOf(' ', before.length - reach) + 1)}`;
  if (after.length > reach) after = `${after.slice(0, after.lastIndexOf(' ', reach))}…`;
  return { before, after };
}
