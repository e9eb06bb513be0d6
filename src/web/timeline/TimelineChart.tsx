import { Button, Fieldset, Group, SegmentedControl } from '@mantine/core';
import Gantt, { type GanttViewModeName } from 'frappe-gantt';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../shared/timeline.js';
import { ganttTasks } from './gantt.js';

type ViewMode = Extract<GanttViewModeName, 'Month' | 'Week'>;

/**
 * The timeline drawn by frappe-gantt: read-only one-day bars (dates are changed in the table), the
 * current day marked by the library, by month or by week. The table below it holds the same items.
 */
export function TimelineChart({ items, label }: { items: TimelineItem[]; label: string }) {
  const { t, i18n } = useTranslation();
  const [viewMode, setViewMode] = useState<ViewMode>('Month');
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<Gantt | null>(null);
  const viewModeDrawn = useRef(viewMode);
  const marks = useMemo(
    () => ({ key: t('timeline.marks.key'), done: t('timeline.marks.done'), overdue: t('timeline.marks.overdue') }),
    [t],
  );
  const tasks = useMemo(() => ganttTasks(items, marks), [items, marks]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    element.replaceChildren();
    const current = viewModeDrawn.current;
    // The library writes its own fields into the tasks it gets: give it copies. It starts in the
    // first of `view_modes`.
    chart.current = new Gantt(
      element,
      tasks.map((task) => ({ ...task })),
      {
        view_modes: current === 'Month' ? ['Month', 'Week'] : ['Week', 'Month'],
        language: i18n.language,
        readonly: true,
        popup: false,
        today_button: false,
        view_mode_select: false,
        infinite_padding: false,
        scroll_to: 'today',
        bar_height: 22,
        padding: 14,
        holidays: {},
      },
    );
    // The library's scrolling container is what keyboard users must reach to scroll the chart, and
    // what assistive technology hears of it: one image, described in words (the label changes only
    // with the items or the language, which draw the chart anew anyway).
    const scroller = element.querySelector<HTMLElement>('.gantt-container');
    if (scroller) {
      scroller.tabIndex = 0;
      scroller.setAttribute('role', 'img');
      scroller.setAttribute('aria-label', label);
    }
    return () => {
      chart.current = null;
      element.replaceChildren();
    };
  }, [tasks, i18n.language, label]);

  const changeView = (mode: ViewMode) => {
    setViewMode(mode);
    viewModeDrawn.current = mode;
    chart.current?.change_view_mode(mode);
  };

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Fieldset legend={t('timeline.chart.view')} variant="unstyled">
          <SegmentedControl
            value={viewMode}
            onChange={(value) => changeView(value as ViewMode)}
            data={[
              { value: 'Month', label: t('timeline.chart.month') },
              { value: 'Week', label: t('timeline.chart.week') },
            ]}
          />
        </Fieldset>
        <Button variant="default" onClick={() => chart.current?.scroll_current()}>
          {t('timeline.chart.today')}
        </Button>
      </Group>
      <div ref={container} className="timeline-chart" />
    </>
  );
}
