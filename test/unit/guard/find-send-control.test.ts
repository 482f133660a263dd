// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findSendControl, isNear, saysSend } from '@/lib/guard/find-send-control';

/**
 * Which click is a send, on real helpdesk markup. The Chatwoot composer below is what its Vue templates
 * render (chatwoot/chatwoot app/javascript/dashboard/components/widgets/WootWriter/ReplyBottomPanel.vue:
 * icon-only `woot-button`s on the left, the send button with its shortcut hint on the right, the note mode
 * saying «Добавить заметку»); Zammad's is the repo's fixture page rebuilt from its ticket-zoom templates.
 */

const anywhere = { href: 'https://support.example.com/app/accounts/1/conversations/7' } as Location;

/** The composed path of a click on `target`, as the browser hands it to a capture listener. */
function pathOf(target: Element): EventTarget[] {
  const path: EventTarget[] = [];
  for (let node: Node | null = target; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null)
    path.push(node);
  return path;
}

function chatwootComposer(sendLabel: string, disabled = false): void {
  document.body.innerHTML = `
    <section class="conversation-panel">
      <header class="conversation--header"><button class="button clear" title="Resolve">Решить</button></header>
      <div class="reply-box">
        <div class="reply-box__top">
          <div class="ProseMirror-woot-style"><div class="ProseMirror" contenteditable="true" data-testid="box"><p>Анна, здравствуйте!</p></div></div>
        </div>
        <div class="bottom-box">
          <div class="left-wrap">
            <button class="button smooth secondary small button--only-icon" title="Показать эмодзи"><svg aria-hidden="true"></svg></button>
            <button class="button smooth secondary small button--only-icon button--upload" title="Прикрепить файлы"><svg aria-hidden="true"></svg></button>
          </div>
          <div class="right-wrap">
            <button class="button small button--send" ${disabled ? 'disabled' : ''} data-testid="send"><span class="button__content">${sendLabel}</span></button>
          </div>
        </div>
      </div>
    </section>`;
}

const box = () => document.querySelector('[data-testid="box"]') as HTMLElement;
const send = () => document.querySelector('[data-testid="send"]') as HTMLElement;

describe('findSendControl on a Chatwoot composer', () => {
  beforeEach(() => chatwootComposer('Отправить (⌘ + ↵)'));

  it('finds the send button, also when the click lands on its inner label', () => {
    expect(findSendControl(pathOf(send()), box(), anywhere)).toBe(send());
    expect(findSendControl(pathOf(send().firstElementChild as Element), box(), anywhere)).toBe(send());
  });

  it('leaves icon-only tool buttons, the header and clicks inside the box alone', () => {
    for (const other of document.querySelectorAll('.left-wrap button, header button')) {
      expect(findSendControl(pathOf(other), box(), anywhere)).toBeNull();
    }
    expect(findSendControl(pathOf(box().firstElementChild as Element), box(), anywhere)).toBeNull();
  });

  it('reads the English label and shortcut hint too, and no note-mode label', () => {
    chatwootComposer('Send (⌘ + ↵)');
    expect(findSendControl(pathOf(send()), box(), anywhere)).toBe(send());
    chatwootComposer('Добавить заметку (⌘ + ↵)');
    expect(findSendControl(pathOf(send()), box(), anywhere)).toBeNull();
  });

  it('ignores a disabled send button (nothing would be sent)', () => {
    chatwootComposer('Отправить', true);
    expect(findSendControl(pathOf(send()), box(), anywhere)).toBeNull();
  });

  it('does not take a «Send» button elsewhere on the page for this box', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<aside><div><div><button id="far">Отправить отчёт</button></div></div></aside>',
    );
    const far = document.getElementById('far') as HTMLElement;
    expect(isNear(far, box())).toBe(false);
    expect(findSendControl(pathOf(far), box(), anywhere)).toBeNull();
  });
});

describe('findSendControl on Zammad (known control)', () => {
  beforeEach(() => {
    const html = readFileSync(join(import.meta.dirname, '../../fixtures/pages/guard/zammad.html'), 'utf8');
    document.body.innerHTML = html.slice(html.indexOf('<body>') + 6, html.indexOf('<script>'));
  });

  it('takes «Обновить», a div that neither is a button nor says send, for the reply in its view', () => {
    const update = document.querySelector('.js-submit') as HTMLElement;
    const reply = document.querySelector('[data-testid="reply-box"]') as HTMLElement;
    expect(saysSend(update)).toBe(false);
    expect(findSendControl(pathOf(update), reply, anywhere)).toBe(update);
  });

  it('does not take it for a box outside the active view', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div class="content"><div contenteditable="true" id="other"></div></div>',
    );
    const update = document.querySelector('.js-submit') as HTMLElement;
    expect(findSendControl(pathOf(update), document.getElementById('other') as HTMLElement, anywhere)).toBeNull();
  });
});

describe('a composer inside a shadow root', () => {
  it('pairs a send button in the light DOM with the box behind the host', () => {
    document.body.innerHTML =
      '<div class="composer"><chat-input></chat-input><button aria-label="Отправить сообщение"><svg></svg></button></div>';
    const host = document.querySelector('chat-input') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div contenteditable="true"></div>';
    const inner = root.firstElementChild as HTMLElement;
    const button = document.querySelector('button') as HTMLElement;
    expect(findSendControl(pathOf(button), inner, anywhere)).toBe(button);
  });
});
