// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locatorFor } from '../../../lib/agent/site-picker';

const PAGES = join(import.meta.dirname, '../../fixtures/pages/sites');
const body = (page: string) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(readFileSync(join(PAGES, page), 'utf8'))![1];

/** The locator finds the element it was made for, and only it. */
function roundTrip(element: Element): string {
  const selector = locatorFor(element);
  expect(document.querySelectorAll(selector)).toHaveLength(1);
  expect(document.querySelector(selector)).toBe(element);
  return selector;
}

describe('the locator recorded when the agent points at a field (@medv/finder)', () => {
  it('names what an element is: its class on a layout no profile knows', () => {
    document.body.innerHTML = body('unknown-desk.html');
    expect(roundTrip(document.querySelector('.client-title')!)).toBe('.client-title');
  });

  it('prefers a stable attribute to a position', () => {
    document.body.innerHTML = `<table><tr><td>Клиент</td><td data-field="customer">Анна Смирнова</td><td>Москва</td></tr>
      <tr><td>Заказ</td><td data-field="order">Д-1048213</td><td>оплачен</td></tr></table>`;
    expect(roundTrip(document.querySelector('[data-field="order"]')!)).toBe('[data-field="order"]');
  });

  it('skips generated ids, per-customer values and utility classes that change between releases', () => {
    document.body.innerHTML = `<div id="ember1234" class="md:flex w-[320px] css-7f3a9c0123">
      <a href="/customers/58213" title="Анна Смирнова" class="customer-link">Анна Смирнова</a></div>`;
    const selector = roundTrip(document.querySelector('a')!);
    expect(selector).not.toMatch(/ember1234|58213|md:|\[320px\]|0123/);
    expect(selector).toBe('.customer-link');
  });

  it('never keys on this ticket’s own data: the picked value in a title, a record link, an id number', () => {
    document.body.innerHTML = `<section class="ticket">
      <div class="row"><span>Клиент</span><a href="/customers/58213" title="Анна Смирнова" aria-label="Анна Смирнова">Анна Смирнова</a></div>
      <div class="row"><span>Обращение</span><b data-ticket="58213">58213</b></div></section>`;
    for (const element of document.querySelectorAll('a, b')) {
      expect(roundTrip(element)).not.toMatch(/Анна|58213|customers/);
    }
  });

  it('reads Zammad’s customer name by its row, not by Tailwind variants', () => {
    document.body.innerHTML = body('zammad.html');
    const selector = roundTrip(document.querySelector('header .mb-1 > p')!);
    expect(selector).not.toMatch(/line-clamp-1!|max-w-1\/2/);
  });
});
