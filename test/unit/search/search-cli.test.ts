import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';

const pack = {
  format: 'sufler-pack',
  formatVersion: 1,
  id: 'team',
  name: 'Команда',
  version: '1',
  locale: 'ru',
  templates: [
    {
      id: 'refund',
      title: 'Возврат денег',
      body: 'Вернём за 10 дней.',
      tags: ['вернуть деньги'],
      category: 'Возвраты',
    },
    { id: 'late', title: 'Курьер опаздывает', body: 'Новая дата — завтра.', tags: ['задержка'], category: 'Доставка' },
  ],
};

// Each case starts the real command (Node + tsx), which takes seconds on a busy machine.
describe('sufler search', { timeout: 30_000 }, () => {
  it('searches the bundled library by default and prints titles with ids', () => {
    const result = runCli(['search', 'djpdhfn', '--limit', '3']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
    expect(result.stdout).toMatch(/^ 1\. Возврат.*\[return-/m);
  });

  it('prints a JSON array of { id, score } with --json, from a pack file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sufler-search-')), 'pack.json');
    writeFileSync(file, JSON.stringify(pack));
    const result = runCli(['search', '--pack', file, '--json', 'курьера']);
    expect(result.code).toBe(0);
    const hits = JSON.parse(result.stdout);
    expect(hits[0]).toEqual({ id: 'late', score: expect.any(Number) });
    expect(Object.keys(hits[0]).sort()).toEqual(['id', 'score']);
  });

  it('answers one JSON line per query line with --jsonl, a bad line with [] so the lines stay in step', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sufler-search-')), 'pack.json');
    writeFileSync(file, JSON.stringify(pack));
    const input =
      '\uFEFF{"query": "вернуть деньги", "expected": ["refund"]}\r\nне json\n\n{"query": ""}\n["x"]\n{"q": 1}\n{"query": "курьер"}\n';
    const result = runCli(['search', '--pack', file, '--jsonl'], input);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const ids = lines.map((hits: { id: string }[]) => hits.map((hit) => hit.id));
    // Six non-blank lines in, six out: the BOM and CRLF of the first are not part of the query.
    expect(ids).toEqual([['refund'], [], ['refund', 'late'], [], [], ['late']]);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^строка 2: не JSON/),
      expect.stringMatching(/^строка 5: нужен JSON-объект/),
      expect.stringMatching(/^строка 6: нет поля "query"/),
    ]);
    expect(result.code).toBe(1);
  });

  it('reads --jsonl queries from a file named in place of the query', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sufler-search-'));
    writeFileSync(join(dir, 'pack.json'), JSON.stringify(pack));
    writeFileSync(join(dir, 'queries.jsonl'), '{"query": "курьер"}\n');
    const result = runCli(['search', '--pack', join(dir, 'pack.json'), '--jsonl', join(dir, 'queries.jsonl')]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)[0].id).toBe('late');
    const missing = runCli(['search', '--pack', join(dir, 'pack.json'), '--jsonl', join(dir, 'нет.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/не удалось прочитать .*нет\.jsonl: ENOENT/);
  });

  it('explains with --explain why each template ranked where it did, and says when matches are partial', () => {
    const result = runCli(['search', '--explain', '--limit', '2', 'бракованый холодильник']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/«бракованый» → термин «[а-я]+»: шаблонов \d+, idf \d+\.\d\d/);
    expect(result.stdout).toMatch(/^ 1\. .+\[[a-z0-9-]+\]\s+\d\.\d{3}\s+уровень \d/m);
    expect(result.stdout).toMatch(/«холодильник»: заголовок\/теги, «холодильник» точно/);
  });

  it('fails clearly for a missing pack', () => {
    const missing = runCli(['search', '--pack', 'нет-такого.json', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^нет-такого\.json: не удалось открыть/m);
  });

  it('fails clearly for a bad limit', () => {
    const bad = runCli(['search', '--limit', '0', 'x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/целое число/);
  });
});
