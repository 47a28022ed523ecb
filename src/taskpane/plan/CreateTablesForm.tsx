/** "Skapa tabeller": the missing contract tables, on their own sheets or below what a sheet already holds. */
import { Button, Field, Input, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { parsePeriod, type Period } from '../../domain/period';
import { useStrings } from '../i18n';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: '8px', marginTop: '8px' } });

export function CreateTablesForm(props: { defaultArea: string; onCreate: (area: string, period: Period) => void; busy: boolean }) {
  const t = useStrings();
  const styles = useStyles();
  const [area, setArea] = useState(props.defaultArea);
  const [period, setPeriod] = useState('');
  const [tried, setTried] = useState(false);
  const parsed = parsePeriod(period);
  const areaError = tried && area.trim() === '' ? t.areaMissing : undefined;
  const periodError = tried && !parsed ? t.periodInvalid : undefined;
  return (
    <form
      className={styles.form}
      aria-label={t.createTables}
      // The pane's own messages (in the pane's language, tied to their fields) instead of the browser's bubble,
      // which stopped an empty field from ever reaching onSubmit.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (area.trim() !== '' && parsed) props.onCreate(area.trim(), parsed);
      }}
    >
      <p>{t.createTablesIntro}</p>
      <Field label={t.area} required validationMessage={areaError}>
        <Input value={area} onChange={(_, d) => setArea(d.value)} />
      </Field>
      <Field label={t.period} required hint={t.periodHint} validationMessage={periodError}>
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={props.busy}>
        {t.createTables}
      </Button>
    </form>
  );
}
