import { finder } from '@medv/finder';
import { OWN_UI_ATTRIBUTE } from '../editor/reply-box';
import { defineMessages } from '../i18n';
import type { SiteFieldId, SiteFieldLocator } from '../model';
import { derivePattern } from '../sites/derive-pattern';
import { createOwnUiHost } from './own-ui-host';

const t = defineMessages({
  ru: {
    customerName: 'имя клиента',
    orderNumber: 'номер заказа',
    ticketId: 'номер обращения',
    title: 'Научить Суфлёр этому сайту',
    done: 'Готово: Суфлёр запомнил поля этого сайта.',
    close: 'Закрыть',
    clickOn: (label: string, step: number, of: number) => `Щёлкните на странице: ${label} (${step} из ${of})`,
    fromAddress: 'Взять из адреса страницы',
    skip: 'Пропустить',
    finish: 'Закончить',
    read: (text: string) => `Прочитано: «${text}»`,
    only: (label: string) => `Только ${label} (сотрите лишнее)`,
    save: 'Сохранить',
    again: 'Выбрать заново',
    notInText: (value: string) => `«${value}» нет в прочитанном тексте: оставьте часть как есть, без правок`,
    saved: (label: string, value: string) => `Запомнил ${label}: ${value}`,
    failed: (message: string) => `Не удалось сохранить: ${message}`,
  },
  en: {
    customerName: 'the customer’s name',
    orderNumber: 'the order number',
    ticketId: 'the ticket number',
    title: 'Teach Sufler this site',
    done: 'Done: Sufler remembered this site’s fields.',
    close: 'Close',
    clickOn: (label: string, step: number, of: number) => `Click on the page: ${label} (${step} of ${of})`,
    fromAddress: 'Take it from the page address',
    skip: 'Skip',
    finish: 'Finish',
    read: (text: string) => `Read: “${text}”`,
    only: (label: string) => `Only ${label} (delete the rest)`,
    save: 'Save',
    again: 'Pick again',
    notInText: (value: string) => `“${value}” is not in the text read: keep a part of it as it is, unedited`,
    saved: (label: string, value: string) => `Remembered ${label}: ${value}`,
    failed: (message: string) => `Could not save: ${message}`,
  },
});

/** The fields the picker asks for, in order; each can be skipped or taken from the page's address. */
const STEPS: { field: SiteFieldId; readonly label: string }[] = [
  {
    field: 'customerName',
    get label() {
      return t.customerName;
    },
  },
  {
    field: 'orderNumber',
    get label() {
      return t.orderNumber;
    },
  },
  {
    field: 'ticketId',
    get label() {
      return t.ticketId;
    },
  },
];

export interface SitePickerActions {
  /** Stores one field (the background keys it by this tab's origin). */
  save(field: SiteFieldId, locator: SiteFieldLocator): Promise<void>;
  close(): void;
}

/**
 * Attributes that name what an element is rather than where it is: kept in a locator when present. Not `href`:
 * a link's target is the record it opens (`/customers/58213`, `mailto:anna@…`), another one on the next ticket.
 */
const STABLE_ATTRIBUTES = /^(?:data-[\w-]+|name|itemprop|aria-label|title|role|for)$/;

/**
 * A robust locator for a clicked element, from @medv/finder: it tries ids, then attributes, then classes, then
 * tags, and adds positions (`:nth-child`) only when nothing else is unique. Generated-looking ids and classes
 * (long digit runs, Tailwind variants with `:` or `[`) are skipped: they change between releases or sessions.
 * So is an attribute that carries this ticket's data (a number, or the very value picked: `title="Анна
 * Смирнова"`): the locator must find the same place on the next ticket, not this customer.
 */
export function locatorFor(element: Element): string {
  const picked = collapse(element.textContent).toLowerCase();
  return finder(element, {
    root: element.ownerDocument.body,
    idName: (name) => !/\d{3,}|^[a-f0-9-]{16,}$/i.test(name),
    className: (name) => !/[:[\]/]|\d{3,}/.test(name),
    attr: (name, value) =>
      STABLE_ATTRIBUTES.test(name) &&
      value.length <= 60 &&
      !/\d{2,}/.test(value) &&
      !(picked.length > 1 && value.toLowerCase().includes(picked)),
    timeoutMs: 300,
  });
}

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * «Научить Суфлёр этому сайту»: an overlay over the page (in the agent's own shadow root) that reacts to the
 * agent's trusted clicks only. A click lands on the overlay, never on the page, so the page sees no click and
 * learns nothing of what is picked; the element under it is found with `elementFromPoint`. For each field it shows
 * what it read; the agent may cut the value down to the part they mean (a pattern is derived) or take it from
 * the address bar instead.
 */
export function startSitePicker(doc: Document, actions: SitePickerActions): { destroy(): void } {
  // Open: the picker shows only what the agent points at on this very page (see SECURITY.md on open roots).
  const { host, shadow } = createOwnUiHost(doc, 'site-picker', PICKER_CSS, 'open');
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text = '') => {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text) element.textContent = text;
    return element;
  };
  const overlay = make('div', { class: 'overlay' });
  const mark = make('div', { class: 'mark' });
  const panel = make('div', { class: 'panel', role: 'dialog', 'aria-label': t.title });
  shadow.append(overlay, mark, panel);
  doc.documentElement.append(host);

  let step = 0;
  let picked: { text: string; selector?: string } | null = null;

  const elementAt = (x: number, y: number): Element | null => {
    overlay.style.pointerEvents = 'none';
    mark.style.display = 'none';
    const element = doc.elementFromPoint(x, y);
    overlay.style.pointerEvents = '';
    mark.style.display = '';
    return element && !element.closest(`[${OWN_UI_ATTRIBUTE}]`) && element !== doc.body ? element : null;
  };

  const button = (label: string, onClick: () => void, primary = false) => {
    const element = make('button', { type: 'button', ...(primary ? { class: 'primary' } : {}) }, label);
    element.addEventListener('click', (event) => {
      if (event.isTrusted) onClick();
    });
    return element;
  };

  const render = (note = '') => {
    panel.replaceChildren();
    const current = STEPS[step];
    if (!current) {
      panel.append(make('p', {}, note || t.done), button(t.close, close, true));
      return;
    }
    panel.append(make('h2', {}, t.title));
    if (note) panel.append(make('p', { class: 'note', role: 'status' }, note));
    if (!picked) {
      panel.append(
        make('p', {}, t.clickOn(current.label, step + 1, STEPS.length)),
        button(t.fromAddress, () => choose({ text: location.href })),
        button(t.skip, () => next('')),
        button(t.finish, close),
      );
      return;
    }
    const id = `sufler-picker-value-${step}`;
    const input = make('input', { id, value: picked.text });
    input.value = picked.text;
    panel.append(
      make('p', {}, t.read(picked.text)),
      make('label', { for: id }, t.only(current.label)),
      input,
      button(t.save, () => void save(input.value), true),
      button(t.again, () => choose(null)),
    );
    input.focus();
  };

  const choose = (value: typeof picked) => {
    picked = value;
    render();
  };

  const next = (note: string) => {
    picked = null;
    step++;
    render(note);
  };

  const save = async (raw: string) => {
    if (!picked) return;
    const value = collapse(raw);
    const current = STEPS[step];
    const pattern = derivePattern(picked.text, value);
    if (pattern === undefined || (!picked.selector && !pattern)) {
      render(t.notInText(value));
      return;
    }
    const locator: SiteFieldLocator = {
      ...(picked.selector ? { selector: picked.selector } : {}),
      ...(pattern ? { pattern } : {}),
    };
    try {
      await actions.save(current.field, locator);
      next(t.saved(current.label, value));
    } catch (error) {
      render(t.failed((error as Error).message));
    }
  };

  overlay.addEventListener('mousemove', (event) => {
    const element = elementAt(event.clientX, event.clientY);
    const rect = element?.getBoundingClientRect();
    mark.hidden = !rect;
    if (rect)
      Object.assign(mark.style, {
        left: `${rect.left}px`,
        top: `${rect.top}px`,
        width: `${rect.width}px`,
        height: `${rect.height}px`,
      });
  });
  // The overlay takes every pointer event, so the page's own handlers never see the picking.
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
    overlay.addEventListener(type, (event) => event.preventDefault());
  }
  overlay.addEventListener('click', (event) => {
    event.preventDefault();
    if (!event.isTrusted || !STEPS[step]) return;
    const element = elementAt(event.clientX, event.clientY);
    if (!element) return;
    choose({ text: collapse(element.textContent), selector: locatorFor(element) });
  });
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && event.isTrusted) close();
  };
  doc.addEventListener('keydown', onKey, true);

  function close() {
    destroy();
    actions.close();
  }
  function destroy() {
    doc.removeEventListener('keydown', onKey, true);
    host.remove();
  }

  render();
  return { destroy };
}

const PICKER_CSS = `
/* The host itself never takes a pointer: only the overlay and the panel do, so a probe sees through to the page. */
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
  pointer-events: none !important; }
.overlay { position: fixed; inset: 0; pointer-events: auto; cursor: crosshair; background: rgb(37 99 235 / 4%); }
.mark { position: fixed; pointer-events: none; outline: 2px solid #2563eb; background: rgb(37 99 235 / 10%); }
.panel { position: fixed; pointer-events: auto; bottom: 12px; left: 12px; max-width: 360px; padding: 14px 16px; border-radius: 10px;
  background: #fff; box-shadow: 0 8px 32px rgb(0 0 0 / 30%); font: 14px/1.45 system-ui, sans-serif; color: #1f2328; }
h2 { font-size: 15px; margin: 0 0 8px; }
p { margin: 0 0 8px; }
.note { color: #166534; }
label { display: block; margin: 4px 0; }
input { box-sizing: border-box; width: 100%; margin-bottom: 8px; padding: 4px 6px; font: inherit; border: 1px solid #888; border-radius: 4px; }
button { margin: 0 6px 6px 0; padding: 5px 10px; font: inherit; border: 1px solid #888; border-radius: 6px; background: #f6f8fa; cursor: pointer; }
button.primary { background: #2563eb; border-color: #2563eb; color: #fff; }
`;
