/**
 * A dialog that asks for a few fields before an action (Ny period…, Granskningsunderlag…): its opening
 * button, a title, an intro the dialog is described by, the fields, Avbryt and the action buttons, all in one
 * `<form>` so Enter submits it. Opening runs `onShow` (the caller fills its fields from the workbook first).
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: '8px' } });

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens it, and when it may. */
  opener: { label: string; disabled: boolean; onShow: () => void };
  title: string;
  intro: ReactNode;
  cancel: string;
  onSubmit: () => void;
  /** The fields, below the intro. */
  children: ReactNode;
  /** The buttons after Avbryt; the submit button among them has `type="submit"`. */
  actions: ReactNode;
  /** Lays the actions out across the dialog's width (several actions on a narrow pane). */
  fluidActions?: boolean;
}

export function FormDialog(props: FormDialogProps) {
  const styles = useStyles();
  const introId = useId();
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => props.onOpenChange(d.open)}>
      <Button disabled={props.opener.disabled} onClick={props.opener.onShow} aria-haspopup="dialog">
        {props.opener.label}
      </Button>
      <DialogSurface aria-describedby={introId}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            props.onSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.content}>
              <p id={introId}>{props.intro}</p>
              {props.children}
            </DialogContent>
            <DialogActions fluid={props.fluidActions}>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{props.cancel}</Button>
              </DialogTrigger>
              {props.actions}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
