/**
 * One entry per initiative with an amount in the year being tried: its priority, the plan's amount and the
 * forum's choice (keep, defer to a later year or out of the period, reduce to an amount, cut). Native
 * selects and inputs, each with its own name, so the whole table is reachable and usable by keyboard.
 */
import { Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { formatNumber, type Tkr } from '../../domain/money';
import type { PriorityItem } from '../../domain/prioritization';
import { cellKey, cutChoice, deferChoice, keepChoice, type Choice, type ChoiceAction, type Choices } from '../../domain/prioritizationWhatIf';
import { usePrioritizeStrings } from './strings';

export interface ChoiceTableProps {
  items: readonly PriorityItem[];
  /** Indexes into items of the rows to show. */
  shown: readonly number[];
  years: readonly number[];
  year: number;
  choices: Choices;
  onChoose: (item: number, year: number, choice: Choice) => void;
}

const OUT = 'out';

/** A list, not a table: at task-pane width a row of name, priority, amount and controls does not fit. */
const useListStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { padding: '6px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  facts: { fontSize: tokens.fontSizeBase200, margin: '2px 0 4px' },
  controls: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center' },
  amount: { width: '9em', minWidth: 0 },
});

export function ChoiceTable(props: ChoiceTableProps) {
  const t = usePrioritizeStrings();
  const l = useListStyles();
  const t0 = props.years.indexOf(props.year);
  const later = props.years.filter((y) => y > props.year);
  const words: Record<ChoiceAction, string> = { keep: t.keep, defer: t.defer, reduce: t.reduce, cut: t.cut };
  return (
    <ul className={l.list} data-list="prio-choices" aria-label={t.initiativesTitle(props.year)}>
      {props.shown.map((i) => {
        const it = props.items[i];
        const original: Tkr = it.development[t0] ?? 0;
        const choice = props.choices.get(cellKey(i, props.year)) ?? keepChoice(original);
        const choose = (c: Choice) => props.onChoose(i, props.year, c);
        const name = `${it.area}: ${it.initiative}`;
        return (
          <li key={i} className={l.item} data-item={i}>
            <div className={l.name}>{name}</div>
            <div className={l.facts}>
              {t.priority} {it.priority ?? t.notStated} · {t.plan} {formatNumber(original)}
            </div>
            <div className={l.controls}>
              <Select
                aria-label={t.choiceFor(name, props.year)}
                value={choice.action}
                onChange={(_, d) => {
                  const a = d.value as ChoiceAction;
                  if (a === 'keep') choose(keepChoice(original));
                  else if (a === 'cut') choose(cutChoice());
                  else if (a === 'defer') choose(deferChoice(original, later[0] ?? null));
                  else choose({ action: 'reduce', keep: Math.floor(original / 2), moves: [] });
                }}
              >
                {(['keep', 'defer', 'reduce', 'cut'] as const).map((a) => (
                  <option key={a} value={a}>
                    {words[a]}
                  </option>
                ))}
              </Select>
              {choice.action === 'reduce' && (
                <Input
                  aria-label={t.amountFor(name)}
                  inputMode="numeric"
                  className={l.amount}
                  value={String(choice.keep)}
                  onChange={(_, d) => {
                    const digits = d.value.replace(/[\s\u00a0\u202f]/g, '');
                    if (!/^\d*$/.test(digits)) return;
                    choose({ action: 'reduce', keep: Math.min(original, Number(digits || '0')), moves: [] });
                  }}
                />
              )}
              {choice.action === 'defer' && choice.moves.length <= 1 && (
                <Select
                  aria-label={t.deferFor(name)}
                  value={choice.moves[0]?.toYear === null || choice.moves.length === 0 ? OUT : String(choice.moves[0].toYear)}
                  onChange={(_, d) => choose(deferChoice(original, d.value === OUT ? null : Number(d.value)))}
                >
                  {later.map((y) => (
                    <option key={y} value={String(y)}>
                      {y}
                    </option>
                  ))}
                  <option value={OUT}>{t.outOfPeriod}</option>
                </Select>
              )}
              {choice.action === 'defer' && choice.moves.length > 1 && (
                <span>{choice.moves.map((m) => `${formatNumber(m.amount)} → ${m.toYear ?? t.outOfPeriod}`).join(', ')}</span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
