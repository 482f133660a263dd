import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'sufler-cli-'));

describe('sufler pack', { timeout: 30_000 }, () => {
  it('builds the bundled templates folder into a pack that checks clean', () => {
    const out = join(tmp, 'default.json');
    expect(runCli(['pack', 'build', 'templates', '-o', out])).toMatchObject({ code: 0, stderr: '' });
    const pack = JSON.parse(readFileSync(out, 'utf8'));
    expect(pack).toMatchObject({ format: 'sufler-pack', formatVersion: 1, id: 'sufler-default' });
    const check = runCli(['pack', 'check', out]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/пакет в порядке/);
  });

  it.each([
    ['bad-json.json', /^это не JSON: .*строка 5, столбец 31/m],
    ['missing-fields.json', /^templates\[0\]\.body: «Текст»: не заполнено$/m],
    ['duplicate-ids.json', /^templates\[1\]\.id: идентификатор «greeting» уже занят/m],
    ['wrong-types.json', /^policy\.guardMode: /m],
    ['unknown-format-version.json', /^formatVersion: .*версии 7/m],
    ['not-a-pack.json', /JSON-объектом/],
  ])('rejects %s with exit code 1 and a specific message on its own line', (file, message) => {
    const result = runCli(['pack', 'check', `test/fixtures/packs/${file}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  });

  it('names each broken sites entry: invalid selector, invalid regex, unknown field, bad match pattern', () => {
    const result = runCli(['pack', 'check', 'test/fixtures/packs/broken-sites.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^sites\[1\]\.fields\.customerName\.selector: сайт «bad-selector».*не CSS-селектор$/m,
    );
    expect(result.stderr).toMatch(
      /^sites\[2\]\.fields\.orderNumber\.pattern: сайт «bad-pattern».*не регулярное выражение$/m,
    );
    expect(result.stderr).toMatch(/^sites\[3\]\.fields\.orderNumbr: сайт «bad-field»: неизвестное поле/m);
    expect(result.stderr).toMatch(/^sites\[4\]\.match: сайт «bad-match»/m);
    expect(result.stderr).not.toMatch(/shop-desk/);
  });

  it('survives 10 MB of junk with a size error', () => {
    const junk = join(tmp, 'junk.json');
    writeFileSync(junk, Buffer.alloc(10 * 1024 * 1024, 'Ъ{'));
    const result = runCli(['pack', 'check', junk]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/слишком большой/);
  });

  it('reports a missing file instead of crashing', () => {
    const result = runCli(['pack', 'check', join(tmp, 'nope.json')]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/не удалось открыть: ENOENT/) });
  });

  it('points authoring-folder errors at file and line', () => {
    const dir = mkdtempSync(join(tmp, 'pack-'));
    writeFileSync(join(dir, 'pack.yaml'), 'id: team\nname: Команда\nversion: "1"\nlocale: ru\n');
    const replies = join(dir, 'replies');
    mkdirSync(replies);
    writeFileSync(
      join(replies, 'a.yaml'),
      'category: Разное\ntemplates:\n  - id: ok\n    title: Хорошо\n    body: Спасибо, [Имя]!\n  - id: broken\n    title: Без текста\n',
    );
    const result = runCli(['pack', 'check', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('replies/a.yaml:6: «Текст»: не заполнено');
  });

  it('prints the JSON Schema of the format', () => {
    const schema = JSON.parse(runCli(['pack', 'schema']).stdout);
    expect(schema.properties.formatVersion).toEqual({ type: 'number', const: 1 });
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'formatVersion', 'id', 'name', 'version', 'locale']),
    );
  });
});
