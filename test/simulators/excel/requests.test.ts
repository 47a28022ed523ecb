/** The test host's Office.js request semantics: proxies, load, sync, errors, null objects, round trips. */
import { emptyHost, failure, fixtureBytes, hostOf, thrown } from './helpers';

describe('load and sync', () => {
  test('reading a property never loaded throws PropertyNotLoaded, as Office.js does', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Blad1').getRange('A1');
      const e = thrown(() => range.values);
      expect(e.code).toBe('PropertyNotLoaded');
      expect(e.message).toBe(
        'The property \'values\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
      );
      expect((e as unknown as { name: string }).name).toBe('RichApi.Error');
    });
  });

  test('a load is available only after the sync that carries it', async () => {
    const host = await emptyHost();
    host.model.userEnter('Blad1', 1, 1, '12');
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Blad1').getRange('A1');
      range.load('values,address');
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
      await context.sync();
      expect(range.values).toEqual([[12]]);
      expect(range.address).toBe('Blad1!A1');
      expect(thrown(() => range.numberFormat).code).toBe('PropertyNotLoaded');
    });
  });

  test('load accepts paths through navigation properties and option objects', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'));
    await host.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load('items/name,items/worksheet/name');
      const sheets = context.workbook.worksheets;
      sheets.load({ select: 'name,position' });
      const a1 = context.workbook.worksheets.getItem('Ram').getRange('A1:C2');
      a1.load({ values: true, format: { fill: { color: true } } });
      await context.sync();
      expect(tables.items.map((t) => `${t.worksheet.name}/${t.name}`)).toEqual([
        'Tjänsteplan/Planuppgifter',
        'Tjänsteplan/Initiativ',
        'Ram/Ram',
        'Versioner/Versionshantering',
      ]);
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ['Tjänsteplan', 0],
        ['Ram', 1],
        ['Versioner', 2],
      ]);
      expect(a1.values[0]).toEqual(['År', 'Utveckling', 'Förvaltning']);
      expect(a1.format.fill.color).toBe('#FFFFFF');
      expect(thrown(() => tables.items[0].showTotals).code).toBe('PropertyNotLoaded');
    });
  });

  test('writes stay invisible until the sync that sends them', async () => {
    const host = await emptyHost();
    let seenBefore: unknown;
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('B2').values = [[7]];
      seenBefore = host.model.getCellValue('Blad1', 2, 2);
      await context.sync();
    });
    expect(seenBefore).toBeNull();
    expect(host.model.getCellValue('Blad1', 2, 2)).toBe(7);
  });

  test('a load queued before a write in the same batch sees the old value, one after it the new', async () => {
    const host = await emptyHost();
    host.model.userFill('Blad1', 1, 1, '#00FF00');
    host.model.userEnter('Blad1', 1, 2, 'old');
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      const fill = sheet.getRange('A1').format.fill;
      fill.load('color');
      fill.color = '#FFC7CE';
      expect(fill.color).toBe('#FFC7CE'); // set locally, as Office.js keeps it
      const before = sheet.getRange('B1');
      before.load('values');
      sheet.getRange('B1').values = [['new']];
      const after = sheet.getRange('B1');
      after.load('values');
      await context.sync();
      expect(fill.color).toBe('#00FF00');
      expect(before.values).toEqual([['old']]);
      expect(after.values).toEqual([['new']]);
    });
    expect(host.model.getCellFill('Blad1', 1, 1)).toBe('#FFC7CE');
  });

  test('getItem of a missing sheet fails at sync with ItemNotFound; earlier actions stay done, later ones do not run', async () => {
    const host = await emptyHost();
    const e = await failure(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Blad1');
        sheet.getRange('A1').values = [['before']];
        const missing = context.workbook.worksheets.getItem('Finns inte');
        const loaded = sheet.getRange('A1');
        loaded.load('values');
        missing.getRange('A1').values = [['never']];
        sheet.getRange('A2').values = [['after']];
        try {
          await context.sync();
        } finally {
          expect(thrown(() => loaded.values).code).toBe('PropertyNotLoaded');
        }
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    expect(e.name).toBe('RichApi.Error');
    expect(host.model.getCellValue('Blad1', 1, 1)).toBe('before');
    expect(host.model.getCellValue('Blad1', 2, 1)).toBeNull();
    expect(host.syncCount).toBe(1);
  });

  test('getItem of a missing table fails at sync with ItemNotFound; a proxy never used fails nothing', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      context.workbook.tables.getItem('Ingen');
      await context.sync();
    });
    const e = await failure(
      host.run(async (context) => {
        const t = context.workbook.tables.getItem('Ingen');
        t.load('name');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
  });

  test('null objects: isNullObject is known after the sync, and a null object stays null', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Ny');
      const present = context.workbook.worksheets.getItemOrNullObject('blad1');
      const used = context.workbook.worksheets.getItem('Blad1').getUsedRangeOrNullObject(true);
      const setting = context.workbook.settings.getItemOrNullObject('x');
      [missing, present, used, setting].forEach((o) => o.load());
      expect(thrown(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Blad1');
      expect(used.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);

      context.workbook.worksheets.add('Ny');
      missing.getRange('A1').values = [['ignored']]; // a null object's work is a no-op
      missing.load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(host.model.getSheetNames()).toEqual(['Blad1', 'Ny']);
    expect(host.model.getCellValue('Ny', 1, 1)).toBeNull();
  });

  test('a worksheet proxy follows its sheet through a rename', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.load('name');
      await context.sync();
      sheet.name = 'Tjänsteplan 2';
      const range = sheet.getRange('C5:K20');
      range.load('address');
      await context.sync();
      expect(range.address).toBe("'Tjänsteplan 2'!C5:K20");
      expect(sheet.name).toBe('Tjänsteplan 2');
    });
  });
});

describe('Excel.run', () => {
  test('work queued after the last sync is sent when the batch returns (one more round trip)', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('A1').values = [['sent by run']];
    });
    expect(host.model.getCellValue('Blad1', 1, 1)).toBe('sent by run');
    expect(host.syncCount).toBe(1);
  });

  test('a batch that throws sends nothing it queued after its last sync', async () => {
    const host = await emptyHost();
    const e = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Blad1').getRange('A1').values = [['first']];
        await context.sync();
        context.workbook.worksheets.getItem('Blad1').getRange('A2').values = [['second']];
        throw new Error('stop');
      }),
    );
    expect(e.message).toBe('stop');
    expect(host.model.getCellValue('Blad1', 1, 1)).toBe('first');
    expect(host.model.getCellValue('Blad1', 2, 1)).toBeNull();
  });

  test('a sync with nothing queued is no round trip; every other sync is counted and measured', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      await context.sync();
      const r = context.workbook.worksheets.getItem('Blad1').getRange('A1:B2');
      r.values = [
        [1, 2],
        [3, 4],
      ];
      r.load('values');
      await context.sync();
    });
    expect(host.syncCount).toBe(1);
    expect(host.emptySyncCount).toBe(2);
    expect(host.requests).toHaveLength(1);
    expect(host.requests[0].actions).toBe(2);
    expect(host.requests[0].requestBytes).toBeGreaterThan(20);
    expect(host.requests[0].responseBytes).toBeGreaterThan(10);
    host.resetCounters();
    expect(host.syncCount).toBe(0);
  });

  test('a request over the payload limit fails with RequestPayloadSizeLimitExceeded and changes nothing', async () => {
    const host = await emptyHost({ payloadLimitBytes: 10_000 });
    const big = Array.from({ length: 500 }, (_, i) => [`rad ${i} ${'x'.repeat(20)}`]);
    const e = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Blad1').getRange('A1:A500').values = big;
        await context.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(host.model.getCellValue('Blad1', 1, 1)).toBeNull();
  });

  test('a response over the limit fails with ResponsePayloadSizeLimitExceeded', async () => {
    const host = await emptyHost({ payloadLimitBytes: 10_000 });
    for (let r = 1; r <= 400; r++) host.model.userEnter('Blad1', r, 1, `rad ${r} ${'y'.repeat(30)}`);
    const e = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Blad1').getRange('A1:A400').load('values');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test('a batch that returns no promise is refused', async () => {
    const host = await emptyHost();
    const e = await failure(host.run((() => 1) as never));
    expect(e.code).toBe('RunMustReturnPromise');
  });

  test('getCount gives a ClientResult whose value is there after the sync', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-hr-2022-2024.xlsx'));
    await host.run(async (context) => {
      const n = context.workbook.tables.getCount();
      expect(thrown(() => n.value).code).toBe('ValueNotLoaded');
      await context.sync();
      expect(n.value).toBe(4);
    });
  });

  test('installGlobals sets Office, Excel and OfficeExtension and puts back what was there', async () => {
    const host = await emptyHost();
    const target: Record<string, unknown> = { Office: 'before' };
    const restore = host.installGlobals(target);
    expect(target.Office).toBe(host.Office);
    expect((target.Excel as { run: unknown }).run).toBe(host.run);
    restore();
    expect(target).toEqual({ Office: 'before' });
  });
});
