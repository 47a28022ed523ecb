/** "Räkna om summor": shows each stated sum that differs and writes the recomputed ones only on confirmation. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import { formatNumber } from '../../domain/money';
import type { SumDifference } from '../../domain/rules/statedSums';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  /** Amounts line up on their last digit, as in the sheet, so stated and recomputed compare at a glance. */
  amount: { textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  amountHeader: { justifyContent: 'flex-end', textAlign: 'end' },
});

export function RecomputeDialog(props: { differences: SumDifference[]; onConfirm: () => void; disabled: boolean }) {
  const t = useStrings();
  const styles = useStyles();
  const n = props.differences.length;
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={props.disabled || n === 0}>{t.recompute}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="recompute-intro">
        <DialogBody>
          <DialogTitle>{t.recompute}</DialogTitle>
          <DialogContent>
            <p id="recompute-intro">{t.recomputeIntro(n)}</p>
            <Table size="small" aria-label={t.recompute}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.cell}</TableHeaderCell>
                  <TableHeaderCell button={{ className: styles.amountHeader }}>{t.stated}</TableHeaderCell>
                  <TableHeaderCell button={{ className: styles.amountHeader }}>{t.computed}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {props.differences.map((d) => (
                  <TableRow key={`${d.row}-${d.column}`}>
                    <TableCell>
                      {d.location.address} ({d.column})
                    </TableCell>
                    <TableCell className={styles.amount}>{formatNumber(d.stated)}</TableCell>
                    <TableCell className={styles.amount}>{formatNumber(d.computed)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t.cancel}</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={props.onConfirm}>
                {t.recomputeConfirm}
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
