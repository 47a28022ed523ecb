/** Plan: how many initiatives the plan marks Måste, Bör and Kan, as text; nothing when it has no Prioritet. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Plan } from '../../domain/plan';
import { useLanguage } from '../i18n';

const useStyles = makeStyles({ line: { margin: '8px 0', fontSize: tokens.fontSizeBase200 } });

export function PrioritySummary(props: { plan: Plan }) {
  const styles = useStyles();
  const lang = useLanguage();
  const rows = props.plan.initiatives.filter((r) => !r.isStatedSum && r.name !== '');
  if (!rows.some((r) => r.priorityShown !== undefined)) return null;
  const count = (p: string | null) => rows.filter((r) => (r.priority ?? null) === p).length;
  const text =
    lang === 'en'
      ? `Priority: ${count('Måste')} Måste, ${count('Bör')} Bör, ${count('Kan')} Kan, ${count(null)} not stated.`
      : `Prioritet: ${count('Måste')} Måste, ${count('Bör')} Bör, ${count('Kan')} Kan, ${count(null)} ej angivna.`;
  return (
    <p className={styles.line} data-testid="priority-summary">
      {text}
    </p>
  );
}
