import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../lib/packs/parse-pack';

const fixture = (name: string) => readFileSync(`test/fixtures/packs/${name}`, 'utf8');

const validPack = {
  format: 'sufler-pack',
  formatVersion: 1,
  id: 'team-pack',
  name: 'Пакет команды',
  version: '2026.1',
  locale: 'ru',
  templates: [
    { id: 'greeting', title: 'Привет', body: 'Здравствуйте, [Имя]!', tags: ['привет'], category: 'Приветствие' },
  ],
};

describe('parsePack', () => {
  it('accepts a valid pack and fills the optional parts with defaults', () => {
    const { pack, errors } = parsePack(JSON.stringify(validPack));
    expect(errors).toEqual([]);
    expect(pack).toMatchObject({ id: 'team-pack', description: '', rules: [], policy: {} });
  });

  it('reports malformed JSON with the parser position, without throwing', () => {
    const { pack, errors } = parsePack(fixture('bad-json.json'));
    expect(pack).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^это не JSON: .*\(строка 5, столбец 31\)$/);
  });

  it('takes `__proto__` and `constructor` keys in pack JSON as data: no prototype is polluted', () => {
    const text = JSON.stringify(validPack).replace(
      '"templates":',
      '"__proto__": {"polluted": true}, "policy": {"__proto__": {"guardMode": "off"}}, "templates":',
    );
    const { pack, errors } = parsePack(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).guardMode).toBeUndefined();
    // A strict schema names the stray key instead of silently applying it.
    expect(pack).toBeNull();
    expect(errors.length).toBeGreaterThan(0);
  });

  it('names every missing field by its path', () => {
    const { pack, errors } = parsePack(fixture('missing-fields.json'));
    expect(pack).toBeNull();
    expect(errors.map((e) => e.path).sort()).toEqual(['name', 'templates[0].body', 'version']);
    expect(errors.every((e) => /[а-я]/i.test(e.message))).toBe(true);
  });

  it('rejects duplicate template ids, naming both places', () => {
    const { errors } = parsePack(fixture('duplicate-ids.json'));
    expect(errors).toEqual([
      { path: 'templates[1].id', message: 'идентификатор «greeting» уже занят элементом templates[0]' },
    ]);
  });

  it('explains wrong types and bad ids field by field', () => {
    const { errors } = parsePack(fixture('wrong-types.json'));
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual([
      'id',
      'policy.guardMode',
      'templates[0].body',
      'templates[0].tags',
      'version',
    ]);
    expect(byPath.id).toMatch(/латинские строчные буквы/);
  });

  it('refuses a newer format version with advice to update, before looking at anything else', () => {
    const { errors } = parsePack(fixture('unknown-format-version.json'));
    expect(errors).toEqual([
      { path: 'formatVersion', message: expect.stringMatching(/версии 7.*обновите расширение/) },
    ]);
  });

  it('says when the input is not a Суфлёр pack at all', () => {
    expect(parsePack(fixture('not-a-pack.json')).errors[0].message).toMatch(/JSON-объектом/);
    expect(parsePack({ ...validPack, format: 'text-blaze' }).errors[0]).toEqual({
      path: 'format',
      message: expect.stringMatching(/не пакет Суфлёра/),
    });
  });

  it('refuses more than 5 MB before parsing it', () => {
    const junk = `{"format":"sufler-pack","junk":"${'ы'.repeat(3 * 1024 * 1024)}"}`;
    expect(parsePack(junk).errors).toEqual([{ path: '', message: expect.stringMatching(/слишком большой: 6\.0 МБ/) }]);
  });

  it('rejects severity overrides for rules the pack does not have', () => {
    const { errors } = parsePack({ ...validPack, policy: { severityOverrides: { 'no-such-rule': 'info' } } });
    expect(errors).toEqual([
      { path: 'policy.severityOverrides.no-such-rule', message: 'в пакете нет правила «no-such-rule»' },
    ]);
  });
});

describe('parsePack error wording', () => {
  it('names a missing field as missing and types in Russian', () => {
    const { errors } = parsePack({ ...validPack, name: undefined, version: 3, templates: 'всё' });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '«Название пакета»: не заполнено' },
        { path: 'version', message: '«Версия»: ожидается текст, а здесь число' },
        { path: 'templates', message: '«Шаблоны»: ожидается список, а здесь текст' },
      ]),
    );
  });
});

describe('what a team lead reads when a pack is wrong', () => {
  const messages = (input: unknown) => parsePack(input).errors.map((error) => `${error.path} ${error.message}`);

  it('says which field is empty, by the name the options page gives it, in plain Russian', () => {
    const pack = { ...validPack, templates: [{ ...validPack.templates[0], title: '', body: '   ' }] };
    expect(messages(pack)).toEqual([
      'templates[0].title «Название»: не заполнено',
      'templates[0].body «Текст»: не заполнено',
    ]);
    for (const message of messages(pack)) expect(message).not.toMatch(/string|>=|Too small|ожидалось/);
  });

  it('counts characters and list items in words, and lists the allowed values', () => {
    const long = { ...validPack, templates: [{ ...validPack.templates[0], title: 'а'.repeat(201) }] };
    expect(messages(long)).toEqual(['templates[0].title «Название»: не длиннее 200 знаков, а здесь 201']);
    const policy = messages({ ...validPack, policy: { guardMode: 'always' } });
    expect(policy).toEqual([
      'policy.guardMode «Проверка перед отправкой»: допустимо: «off», «warn», «confirm», «strict»',
    ]);
    const extra = messages({ ...validPack, colour: 'red' });
    expect(extra).toEqual([' неизвестное поле «colour» — проверьте написание']);
  });

  it('says a web page (a sign-in page) is not a pack, instead of a JSON parser error', () => {
    const login = '<!DOCTYPE html>\n<html><head><title>Вход</title></head><body><form>…</form></body></html>';
    expect(parsePack(login).errors).toEqual([
      { path: '', message: expect.stringMatching(/^по адресу открылась веб-страница \(вход\?\), а не пакет/) },
    ]);
  });

  it('words JSON syntax errors in Russian with line and column', () => {
    expect(parsePack('{\n  "format": "sufler-pack",\n}').errors[0].message).toBe(
      'это не JSON: ожидается имя поля в двойных кавычках (лишняя запятая перед «}»?) (строка 3, столбец 1)',
    );
    expect(parsePack('{"format": "sufler-').errors[0].message).toMatch(/^это не JSON: файл обрывается/);
  });
});
