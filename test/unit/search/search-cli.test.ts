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

  it('answers one JSON line per query line with --jsonl and reports bad lines', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sufler-search-')), 'pack.json');
    writeFileSync(file, JSON.stringify(pack));
    const input = '{"query": "вернуть деньги"}\nне json\n{"query": ""}\n{"query": "ъъъ"}\n';
    const result = runCli(['search', '--pack', file, '--jsonl'], input);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0][0].id).toBe('refund');
    expect(lines[1].map((hit: { id: string }) => hit.id)).toEqual(['refund', 'late']);
    expect(lines[2]).toEqual([]);
    expect(result.stderr).toMatch(/^строка 2: /m);
    expect(result.code).toBe(1);
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
