/** The "Fler" menu of the tab strip: the tabs that do not fit (see ViewTabs). */
import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import type { ViewTab } from './ViewTabs';

const useStyles = makeStyles({
  more: { minWidth: 'auto', flexShrink: 0, alignSelf: 'center' },
});

function HiddenTab<V extends string>(props: { tab: ViewTab<V>; onSelect: (v: V) => void }) {
  // A tab that still fits is in the strip, not in the menu.
  if (useIsOverflowItemVisible(props.tab.value)) return null;
  return <MenuItem onClick={() => props.onSelect(props.tab.value)}>{props.tab.label}</MenuItem>;
}

export default function MoreMenu<V extends string>(props: { tabs: ViewTab<V>[]; onSelect: (v: V) => void; label: (hidden: number) => string; text: string }) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      {/* role tab, as in Fluent's story: a tablist holds tabs only, and the menu is the rest of them. */}
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" className={styles.more} aria-label={props.label(overflowCount)} role="tab" data-testid="more-tabs">
          {props.text}
          <span aria-hidden="true">&nbsp;▾</span>
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {props.tabs.map((tab) => (
            <HiddenTab key={tab.value} tab={tab} onSelect={props.onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

