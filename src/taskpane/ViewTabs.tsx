/**
 * The pane's tab strip at any width. Fluent's Overflow measures the strip and hides the tabs that do not fit
 * behind a "Fler" menu, so every view stays one click away at 320 px and nothing pushes the pane sideways.
 * The pattern is Fluent's own (TabList "With Overflow" story): OverflowItem per tab, the selected tab kept
 * visible by a higher priority, and a menu of the hidden ones.
 */
import { makeStyles, Overflow, OverflowItem, Tab, TabList } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';

// Fluent's Menu and its positioning engine are about 23 KB gzip: a chunk of their own keeps the pane's first
// script within its budget. Its download starts with this module, so it is there by the time the strip is drawn.
const menuModule = import('./MoreTabsMenu');
const MoreMenu = lazy(() => menuModule);

export interface ViewTab<V extends string> {
  value: V;
  label: string;
}

const useStyles = makeStyles({
  // Overflow needs a strip that can be narrower than its content; min-width 0 lets the grid/flex parent shrink it.
  strip: { minWidth: 0, overflow: 'hidden' },
});

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
        <Suspense fallback={null}>
          {/* lazy() drops the type parameter: the menu only hands back values it was given. */}
          <MoreMenu tabs={props.tabs} onSelect={(v) => props.onSelect(v as V)} label={props.moreLabel} text={props.moreText} />
        </Suspense>
      </TabList>
    </Overflow>
  );
}
