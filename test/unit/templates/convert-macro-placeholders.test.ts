import { describe, expect, it } from 'vitest';
import { convertMacroPlaceholders } from '../../../lib/templates/convert-macro-placeholders';
import { listPlaceholders, parseTemplate } from '../../../lib/templates/parse-template';

describe('convertMacroPlaceholders', () => {
  it('maps helpdesk name variables onto the known names, so they fill themselves', () => {
    const converted = convertMacroPlaceholders(
      'Здравствуйте, {{ticket.requester.first_name}}! С вами {{current_user.name}}, обращение {{ticket.id}}.',
    );
    expect(converted).toBe('Здравствуйте, [Имя]! С вами [Имя агента], обращение [номер обращения].');
    expect(listPlaceholders(converted).map((p) => p.known)).toEqual([true, true, true]);
  });

  it('keeps the name of any other variable, trimmed, to be asked for at insert time', () => {
    expect(convertMacroPlaceholders('Трек: {{  номер трека }} / {{ticket.custom_field_42}}')).toBe(
      'Трек: [номер трека] / [ticket.custom_field_42]',
    );
  });

  it('drops Liquid filters and Intercom fallbacks instead of turning them into a gendered form', () => {
    const converted = convertMacroPlaceholders('{{first_name | capitalize}}, {{name|fallback:"друг"}}');
    expect(converted).toBe('[Имя], [Имя]');
    expect(parseTemplate(converted).filter((s) => s.type === 'gender')).toEqual([]);
  });

  it('leaves existing [..] placeholders, empty braces and single braces alone', () => {
    expect(convertMacroPlaceholders('[Имя], {{}} и {x} и {{ }}')).toBe('[Имя], {{}} и {x} и {{ }}');
  });
});
