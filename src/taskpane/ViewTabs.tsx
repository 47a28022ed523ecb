/**
 * The pane's tab strip at any width. Fluent's Overflow measures the strip and hides the tabs that do not fit
 * behind a "Fler" menu, so every view stays one click away at 320 px and nothing pushes the pane sideways.
 * The pattern is Fluent's own (TabList "With Overflow" story): OverflowItem per tab, the selected tab kept
 * visible by a higher priority, and a menu of the hidden ones.
 */
import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';

export interface ViewTab<V extends string> {
  value: V;
  label: string;
}

const useStyles = makeStyles({
  // Overflow needs a strip that can be narrower than its content; min-width 0 lets the grid/flex parent shrink it.
  strip: { minWidth: 0, overflow: 'hidden' },
  more: { minWidth: 'auto', flexShrink: 0, alignSelf: 'center' },
});

function HiddenTab<V extends string>(props: { tab: ViewTab<V>; onSelect: (v: V) => void }) {
  // A tab that still fits is in the strip, not in the menu.
  if (useIsOverflowItemVisible(props.tab.value)) return null;
  return <MenuItem onClick={() => props.onSelect(props.tab.value)}>{props.tab.label}</MenuItem>;
}

function MoreMenu<V extends string>(props: { tabs: ViewTab<V>[]; onSelect: (v: V) => void; label: (hidden: number) => string; text: string }) {
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

export function ViewTabs<V extends string>(props: {
  tabs: ViewTab<V>[];
  selected: V;
  onSelect: (v: V) => void;
  label: string;
  moreText: string;
  moreLabel: (hidden: number) => string;
}) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <TabList className={styles.strip} selectedValue={props.selected} onTabSelect={(_, d) => props.onSelect(d.value as V)} aria-label={props.label}>
        {props.tabs.map((tab) => (
          <OverflowItem key={tab.value} id={tab.value} priority={tab.value === props.selected ? 2 : 1}>
            <Tab value={tab.value}>{tab.label}</Tab>
          </OverflowItem>
        ))}
        <MoreMenu tabs={props.tabs} onSelect={props.onSelect} label={props.moreLabel} text={props.moreText} />
      </TabList>
    </Overflow>
  );
}
