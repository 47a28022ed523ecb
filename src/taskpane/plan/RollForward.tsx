/**
 * "Ny period…": next period's plan from the open plan's approved version, as a new workbook (docs/domain.md
 * §4), never written into the open one. A chunk of its own, as is the .xlsx writer it loads on confirmation
 * (exceljs), so the pane's first script does not grow for an action taken once a year.
 */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog } from '../shared/FormDialog';
import { formatPeriod, parsePeriod } from '../../domain/period';
import { checkWorkbook, type PlanCheck } from '../../workbook/checkPlan';
import type { InteractiveHost } from '../../workbook/host';
import { nextPeriod, rollForwardFrom, type RollForwardRefused } from '../../workbook/rollForwardFrom';
import { deliverWorkbook } from './newWorkbook';
import { useRollForwardStrings, type RollForwardStrings } from './rollForwardStrings';

export interface RollForwardProps {
  host: InteractiveHost;
  busy: boolean;
  /** The view's way of running work (busy, progress, errors in its status). */
  work: (task: () => Promise<void>) => Promise<void>;
  setNotice: (text: string) => void;
}

export default function RollForward(props: RollForwardProps) {
  const { host, busy, work, setNotice } = props;
  const t = useRollForwardStrings();
  const [open, setOpen] = useState(false);
  const [check, setCheck] = useState<PlanCheck | null>(null);
  const [period, setPeriod] = useState('');
  const [tried, setTried] = useState(false);

  const to = parsePeriod(period);
  const plan = check?.plan ?? null;
  // The plan as it stands when the dialog opens: the reason it cannot roll forward is said before anyone presses.
  const verdict = check && to ? rollForwardFrom(check, to, today()) : null;
  const refusal = verdict && !verdict.ok ? refusalText(t, verdict, formatPeriod(to!)) : null;

  const show = () =>
    work(async () => {
      const result = await checkWorkbook(host);
      setCheck(result);
      setTried(false);
      setPeriod(result.plan ? formatPeriod(nextPeriod(result.plan.info.period)) : '');
      setOpen(true);
    });

  const create = () => {
    setTried(true);
    if (!to) return;
    setOpen(false);
    void work(async () => {
      // Read again: the plan may have changed while the dialog was open.
      const result = rollForwardFrom(await checkWorkbook(host), to, today());
      if (!result.ok) {
        setNotice(refusalText(t, result, formatPeriod(to)));
        return;
      }
      const { tablesToXlsx } = await import('../../workbook/file/tablesToXlsx');
      const bytes = await tablesToXlsx(result.tables);
      const name = `${result.rolled.area} ${formatPeriod(to)}`;
      const from = `${formatPeriod(result.from)} v${result.version}`;
      const n = result.rolled.indicative.length;
      const file = `Tjänsteplan ${name}.xlsx`;
      const how = await deliverWorkbook(bytes, file);
      setNotice(how === 'created' ? t.created(name, from, n) : t.downloaded(name, from, n, file));
    });
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      opener={{ label: t.open, disabled: busy, onShow: () => void show() }}
      title={t.title}
      intro={t.intro}
      cancel={t.cancel}
      onSubmit={create}
      actions={
        <Button type="submit" appearance="primary" disabled={Boolean(refusal)}>
          {t.create(to ? formatPeriod(to) : '…')}
        </Button>
      }
    >
      {plan && verdict?.ok && <p data-testid="rollforward-source">{t.source(plan.info.area, formatPeriod(plan.info.period), verdict.version)}</p>}
      <Field
        label={t.period}
        required
        hint={t.periodHint}
        validationMessage={tried && !to ? t.periodInvalid : (refusal ?? undefined)}
        validationState={(tried && !to) || refusal ? 'error' : 'none'}
      >
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
      </Field>
    </FormDialog>
  );
}

function refusalText(t: RollForwardStrings, r: RollForwardRefused, to: string): string {
  switch (r.kind) {
    case 'unreadable':
      return t.unreadable;
    case 'no-approved':
      return t.noApproved;
    case 'moved-on':
      return t.movedOn(r.version);
    case 'not-later':
      return t.notLater(to, formatPeriod(r.from));
    case 'no-overlap':
      return t.noOverlap(to, formatPeriod(r.from));
  }
}

/** The new history's date: the user's own day, not UTC's. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
