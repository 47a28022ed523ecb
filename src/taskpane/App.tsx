/** The pane's frame: Office's theme and language, and one tab per view (later views load on demand). */
import { FluentProvider, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Language } from '../domain/findings';
import { OfficeHost } from '../workbook/office/officeHost';
import { LanguageContext, STRINGS } from './i18n';
import { PlanView } from './plan/PlanView';
import { reviewTabLabel } from './review/strings';
import { summaryTabLabel } from './summary/strings';
import { prioritizeTabLabel } from './prioritize/strings';
import { fluentTheme, type OfficeThemeColors } from './theme';
import { ViewTabs } from './ViewTabs';

const PublishView = lazy(() => import('./publish/PublishView'));
const SummaryView = lazy(() => import('./summary/SummaryView'));
const ReviewView = lazy(() => import('./review/ReviewView'));
const PrioritizeView = lazy(() => import('./prioritize/PrioritizeView'));

const useStyles = makeStyles({
  // The pane is as wide as Office makes it (320 px and up): nothing in it may push it sideways.
  root: { minHeight: '100vh', padding: '8px 12px', boxSizing: 'border-box', minWidth: 0, maxWidth: '100%', overflowWrap: 'break-word', backgroundColor: tokens.colorNeutralBackground1 },
  header: { margin: '4px 0 8px', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

type View = 'plan' | 'review' | 'publish' | 'summary' | 'prioritize';

export function App(props: { inExcel: boolean; lang: Language; officeTheme?: OfficeThemeColors }) {
  const styles = useStyles();
  const t = STRINGS[props.lang];
  const [view, setView] = useState<View>('plan');
  const [visited, setVisited] = useState<ReadonlySet<View>>(new Set(['plan']));
  const open = (v: View) => {
    setView(v);
    setVisited((seen) => new Set([...seen, v]));
  };
  const host = useMemo(() => (props.inExcel ? new OfficeHost((batch) => Excel.run(batch)) : null), [props.inExcel]);
  return (
    <LanguageContext.Provider value={props.lang}>
      <FluentProvider theme={fluentTheme(props.officeTheme)}>
        <main className={styles.root}>
          <h1 className={styles.header}>{t.appTitle}</h1>
          {!host ? (
            <MessageBar intent="info">
              <MessageBarBody>{t.notInExcel}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <ViewTabs
                tabs={[
                  { value: 'plan', label: t.tabPlan },
                  { value: 'review', label: reviewTabLabel(props.lang) },
                  { value: 'publish', label: t.tabPublish },
                  { value: 'summary', label: summaryTabLabel(props.lang) },
                  { value: 'prioritize', label: prioritizeTabLabel(props.lang) },
                ]}
                selected={view}
                onSelect={open}
                label={t.tabsLabel}
                moreText={t.moreTabs}
                moreLabel={t.moreTabsLabel}
              />
              {/* A view stays mounted once opened, so switching tabs never loses a check or a form. */}
              <div role="tabpanel" aria-label={t.tabPlan} hidden={view !== 'plan'}>
                <PlanView host={host} />
              </div>
              {visited.has('publish') && (
                <div role="tabpanel" aria-label={t.tabPublish} hidden={view !== 'publish'}>
                  <Suspense fallback={null}>
                    <PublishView host={host} visible={view === 'publish'} />
                  </Suspense>
                </div>
              )}
              {visited.has('review') && (
                <div role="tabpanel" aria-label={reviewTabLabel(props.lang)} hidden={view !== 'review'}>
                  <Suspense fallback={null}>
                    <ReviewView host={host} />
                  </Suspense>
                </div>
              )}
              {visited.has('summary') && (
                <div role="tabpanel" aria-label={summaryTabLabel(props.lang)} hidden={view !== 'summary'}>
                  <Suspense fallback={null}>
                    <SummaryView host={host} />
                  </Suspense>
                </div>
              )}
              {visited.has('prioritize') && (
                <div role="tabpanel" aria-label={prioritizeTabLabel(props.lang)} hidden={view !== 'prioritize'}>
                  <Suspense fallback={null}>
                    <PrioritizeView host={host} />
                  </Suspense>
                </div>
              )}
            </>
          )}
        </main>
      </FluentProvider>
    </LanguageContext.Provider>
  );
}
