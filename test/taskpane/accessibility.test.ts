/**
 * axe-core in the task pane, light and dark: after a check with findings (errors, a warning, the frame
 * chart), with the "Räkna om summor" dialog open, and with the "Skapa tabeller" form showing its validation
 * message — no serious or critical violations. The findings' live region announces the summary.
 */
import { BROWSER_TEST_TIMEOUT, useBench, WORDS, type AxeViolation, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

const bench = useBench();

const SV = WORDS.sv;

/** The serious and critical violations, in a form that reads well in a failed expectation. */
async function seriousViolations(wb: Workbench): Promise<AxeViolation[]> {
  return (await wb.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  const query = (q: string) => (theme === 'dark' ? `${q}&theme=dark` : q);

  test('findings after a check: no serious or critical violations; the live region announces the summary', async () => {
    const wb = await bench().open(query('sample=broken/13-formelfel.xlsx'));
    const status = wb.status();
    // The live region is there (and empty) before anything happens, so screen readers announce what comes.
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect((await status.textContent())?.trim()).toBe('');
    expect(await wb.check()).toBe(SV.summary(4, 1, 0));
    await wb.pane.getByRole('heading', { name: 'Utveckling mot ram per år' }).waitFor();
    await wb.screenshot(`axe-findings-${theme}`);
    expect(await seriousViolations(wb)).toEqual([]);

    // It announces what the other actions did too.
    expect(await wb.act(SV.highlight)).toBe('4 celler markerade.');
    expect(await wb.pane.getByRole('status').filter({ hasText: 'celler markerade' }).count()).toBe(1);
    expect(wb.problems).toEqual([]);
  });

  test('the recompute dialog: no serious or critical violations', async () => {
    const wb = await bench().open(query('sample=broken/19-summor-fel-i-tva-block.xlsx'));
    await wb.check();
    await wb.button(SV.recompute).click();
    await wb.pane.getByRole('dialog', { name: SV.recompute }).waitFor();
    await wb.screenshot(`axe-dialog-${theme}`);
    expect(await seriousViolations(wb)).toEqual([]);
  });

  test('the create-tables form with a validation message: no serious or critical violations', async () => {
    const wb = await bench().open(query('empty'));
    await wb.check();
    const form = wb.pane.getByRole('form', { name: 'Skapa tabeller' });
    await form.getByRole('button', { name: 'Skapa tabeller' }).click();
    await form.getByText('Ange tjänsteområdet.').waitFor();
    await wb.screenshot(`axe-form-${theme}`);
    expect(await seriousViolations(wb)).toEqual([]);
  });
});
