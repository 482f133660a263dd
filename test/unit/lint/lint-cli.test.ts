import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'sufler-lint-'));
const draft = 'Здравствуйте, [Имя]!\nК сожалению, ничем не могу помочь. Вы должны прислать фото.\n';

describe('sufler lint', { timeout: 30_000 }, () => {
  it('prints one human line per finding and exits 1 on error-level findings', () => {
    const file = join(tmp, 'draft.txt');
    writeFileSync(file, draft);
    const result = runCli(['lint', file]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      '1:15–1:19 error unfilled-placeholder «[Имя]»',
      '2:14–2:33 error cannot-help «ничем не могу помочь» → «Решить это здесь не получится, но я передам ваш запрос руководству и вернусь с ответом» (вместо «К сожалению, ничем не могу помочь»)',
      '2:36–2:44 warning you-must «Вы должны» → «Пришлите, пожалуйста,» (вместо «Вы должны прислать»)',
    ]);
  });

  it('reads stdin with «-» and exits 0 when only warnings are found', () => {
    const result = runCli(['lint', '-'], 'Вы должны прислать фото.');
    expect(result).toMatchObject({
      code: 0,
      stdout: '1:1–1:9 warning you-must «Вы должны» → «Пришлите, пожалуйста,» (вместо «Вы должны прислать»)\n',
    });
    expect(runCli(['lint'], 'Спасибо, что написали!')).toMatchObject({ code: 0, stdout: '' });
  });

  it('prints the findings array with --json, offsets into the original text', () => {
    const result = runCli(['lint', '--json'], draft);
    const findings = JSON.parse(result.stdout);
    expect(findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      'unfilled-placeholder',
      'cannot-help',
      'you-must',
    ]);
    expect(draft.slice(findings[1].start, findings[1].end)).toBe('ничем не могу помочь');
    expect(findings[1]).toMatchObject({
      severity: 'error',
      suggestions: expect.any(Array),
      message: expect.any(String),
    });
  });

  it('answers --jsonl line by line, in order, and flags malformed lines without losing its place', () => {
    const input = [
      JSON.stringify({ text: 'Я не знаю.' }),
      JSON.stringify({ text: 'Всё в порядке!' }),
      'not json',
      JSON.stringify({ text: 'Уважаемый клиент' }),
      '',
    ].join('\n');
    const result = runCli(['lint', '--jsonl'], input);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((findings: { ruleId: string }[]) => findings.map((f) => f.ruleId))).toEqual([
      ['i-dont-know'],
      [],
      [],
      ['dear-customer'],
    ]);
    expect(result.stderr).toMatch(/^строка 3: ожидается JSON/m);
    expect(result.code).toBe(2);
  });

  it('lints with another pack given as JSON or as an authoring folder', () => {
    const pack = {
      format: 'sufler-pack',
      formatVersion: 1,
      id: 'team',
      name: 'Команда',
      version: '1',
      locale: 'ru',
      rules: [
        {
          id: 'no-bye',
          severity: 'error',
          message: 'Слишком резко.',
          patterns: ['=пока'],
          suggestions: ['Хорошего дня', 'До связи'],
          examples: { bad: ['[[Пока]]'], good: ['Спасибо'] },
        },
      ],
    };
    const file = join(tmp, 'pack.json');
    writeFileSync(file, JSON.stringify(pack));
    const result = runCli(['lint', '--pack', file], 'Ну всё, пока! Ничем не могу помочь.');
    expect(result).toMatchObject({ code: 1, stdout: '1:9–1:12 error no-bye «пока» → «хорошего дня»\n' });
    expect(runCli(['lint', '--pack', 'templates', '--json'], 'Я не знаю').stdout).toMatch(/"i-dont-know"/);
  });

  it('exits 2 with a clear message when the pack or the file cannot be read', () => {
    expect(runCli(['lint', '--pack', join(tmp, 'nope.json')], 'текст')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/не удалось открыть: ENOENT/),
    });
    expect(runCli(['lint', join(tmp, 'nope.txt')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/не удалось прочитать .*nope\.txt: ENOENT/),
    });
  });
});
