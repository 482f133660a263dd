import { describe, expect, it } from 'vitest';
import { findTrigger, mayBeginTrigger, triggerForSite } from '../../../lib/agent/inline-trigger';

describe('the inline trigger', () => {
  it('opens on «/» at a word start, with the query typed so far', () => {
    expect(findTrigger('/', '/')).toEqual({ start: 0, token: '/', query: '' });
    expect(findTrigger('Добрый день! /возв', '/')).toEqual({ start: 13, token: '/', query: 'возв' });
    expect(findTrigger('Текст (/возврат', '/')?.query).toBe('возврат');
  });

  it('keeps a multi-word query, not one that starts with or doubles a space', () => {
    expect(findTrigger('x /где мой заказ', '/')?.query).toBe('где мой заказ');
    expect(findTrigger('x / где', '/')).toBeNull();
    expect(findTrigger('x /где  заказ', '/')).toBeNull();
  });

  it('never opens inside a word, a path, a date or a link', () => {
    expect(findTrigger('и/или', '/')).toBeNull();
    expect(findTrigger('12/05', '/')).toBeNull();
    expect(findTrigger('https://example.ru/help', '/')).toBeNull();
    expect(findTrigger('см. /usr/bin', '/')).toBeNull();
  });

  it('accepts «.» at a word start followed by a letter: the «/» key on the ЙЦУКЕН layout', () => {
    expect(findTrigger('Привет .djpd', '/')).toEqual({ start: 7, token: '.', query: 'djpd' });
    expect(findTrigger('.возврат', '/')?.query).toBe('возврат');
    expect(findTrigger('Спасибо.', '/')).toBeNull();
    expect(findTrigger('т.е', '/')).toBeNull();
    expect(findTrigger('итак .', '/')).toBeNull();
    expect(findTrigger('итак . ', '/')).toBeNull();
    expect(findTrigger('итак ...', '/')).toBeNull();
    expect(findTrigger('сумма .5', '/')).toBeNull();
  });

  it('stops at a line break and past the longest query', () => {
    expect(findTrigger('/возврат\nдалее', '/')).toBeNull();
    expect(findTrigger(`/${'а'.repeat(41)}`, '/')).toBeNull();
    expect(findTrigger(`/${'а'.repeat(40)}`, '/')?.query).toHaveLength(40);
  });

  it('uses «;;» where a site chose it, and nothing when the trigger is off', () => {
    expect(findTrigger('x ;;возв', ';;')).toEqual({ start: 2, token: ';;', query: 'возв' });
    expect(findTrigger('x /возв', ';;')).toBeNull();
    expect(findTrigger('x ;;возв', '/')).toBeNull();
    expect(findTrigger('/возв', 'off')).toBeNull();
  });

  it('checks one character per keystroke while idle', () => {
    expect(mayBeginTrigger('/', '/')).toBe(true);
    expect(mayBeginTrigger('.', '/')).toBe(true);
    expect(mayBeginTrigger('а', '/')).toBe(false);
    expect(mayBeginTrigger(null, '/')).toBe(false);
    expect(mayBeginTrigger(';', ';;')).toBe(true);
    expect(mayBeginTrigger('/', 'off')).toBe(false);
  });

  it('takes the site’s own choice, else «/»', () => {
    expect(triggerForSite({ 'https://web.telegram.org': 'off' }, 'https://web.telegram.org')).toBe('off');
    expect(triggerForSite({ 'https://web.telegram.org': 'off' }, 'https://example.zendesk.com')).toBe('/');
    expect(triggerForSite(undefined, 'https://example.zendesk.com')).toBe('/');
  });
});
