import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { GoalTracking } from '../../shared/measurements.js';
import { useGoalAmount } from './amount.js';
import { monthTicks, timeOf } from './chart.js';

// Mantine's blue 8, teal 9 and gray 7: each at least 3:1 against white, as WCAG asks of graphics.
const MEASURED = '#1971c2';
const TARGET = '#087f5b';
const PATH = '#495057';
const PATH_DASH = '6 4';

const DAY = 86_400_000;
const isoDateOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The goal's measurements over time, with the target as a line and the straight path from the
 * baseline at the project's start to the target at the target date dashed. Screen readers get a
 * summary of it; the table beneath holds every figure.
 */
export function GoalChart({ tracking, startDate }: { tracking: GoalTracking; startDate: string }) {
  const { t, i18n } = useTranslation();
  const amount = useGoalAmount(tracking.goal);
  const { goal, measurements } = tracking;
  const points = measurements.map((measurement) => ({
    time: timeOf(measurement.measuredOn),
    value: measurement.value,
  }));
  const path =
    goal.baseline !== null && goal.target !== null && goal.targetDate !== null
      ? ([
          { x: timeOf(startDate), y: goal.baseline },
          { x: timeOf(goal.targetDate), y: goal.target },
        ] as const)
      : null;

  const times = [timeOf(startDate), ...points.map((point) => point.time)];
  if (goal.targetDate) times.push(timeOf(goal.targetDate));
  const from = Math.min(...times);
  // A chart of one day has no width to draw on.
  const to = Math.max(...times, from + 30 * DAY);
  const monthFormat = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'sv-SE', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const valueAxis =
    goal.unit === 'percent'
      ? t('measurements.chart.percentAxis')
      : (goal.unitLabel ?? t('measurements.chart.countAxis'));

  return (
    <Stack gap="xs">
      <div role="img" aria-label={chartSummary(tracking, startDate, t, amount)}>
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={points} accessibilityLayer={false} margin={{ top: 16, right: 24, bottom: 28, left: 12 }}>
            <CartesianGrid stroke="#dee2e6" />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={[from, to]}
              ticks={monthTicks(from, to)}
              tickFormatter={(time: number) => monthFormat.format(time)}
              tick={{ fill: '#343a40', fontSize: 13 }}
              stroke="#495057"
              label={{
                value: t('measurements.chart.dateAxis'),
                position: 'insideBottom',
                offset: -18,
                fill: '#212529',
              }}
            />
            <YAxis
              domain={goal.unit === 'percent' ? [0, 100] : [0, 'auto']}
              tick={{ fill: '#343a40', fontSize: 13 }}
              stroke="#495057"
              width={56}
              label={{ value: valueAxis, angle: -90, position: 'insideLeft', offset: 4, fill: '#212529' }}
            />
            {goal.target !== null && (
              <ReferenceLine y={goal.target} stroke={TARGET} strokeWidth={2} ifOverflow="extendDomain" />
            )}
            {path && (
              <ReferenceLine
                segment={path}
                stroke={PATH}
                strokeWidth={2}
                strokeDasharray={PATH_DASH}
                ifOverflow="extendDomain"
              />
            )}
            <Tooltip
              labelFormatter={(time) => isoDateOf(Number(time))}
              formatter={(value) => [amount(Number(value)), t('measurements.chart.measurements')]}
            />
            <Line
              dataKey="value"
              stroke={MEASURED}
              strokeWidth={3}
              dot={{ r: 5, fill: MEASURED }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Legend hasTarget={goal.target !== null} hasPath={path !== null} />
    </Stack>
  );
}

function Legend({ hasTarget, hasPath }: { hasTarget: boolean; hasPath: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" justify="center">
      <LegendEntry label={t('measurements.chart.measurements')}>
        <line x1="2" y1="8" x2="30" y2="8" stroke={MEASURED} strokeWidth="3" />
        <circle cx="16" cy="8" r="4" fill={MEASURED} />
      </LegendEntry>
      {hasTarget && (
        <LegendEntry label={t('measurements.chart.targetLine')}>
          <line x1="2" y1="8" x2="30" y2="8" stroke={TARGET} strokeWidth="2" />
        </LegendEntry>
      )}
      {hasPath && (
        <LegendEntry label={t('measurements.chart.path')}>
          <line x1="2" y1="8" x2="30" y2="8" stroke={PATH} strokeWidth="2" strokeDasharray={PATH_DASH} />
        </LegendEntry>
      )}
    </Group>
  );
}

function LegendEntry({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="32" height="16" aria-hidden="true" focusable="false">
        {children}
      </svg>
      <Text size="sm">{label}</Text>
    </Group>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

function chartSummary(
  tracking: GoalTracking,
  startDate: string,
  t: Translate,
  amount: (value: number) => string,
): string {
  const { goal, measurements } = tracking;
  const first = measurements[0];
  const last = measurements.at(-1);
  const measured = last
    ? t('measurements.chart.summaryMeasurements', {
        title: goal.title,
        count: measurements.length,
        first: first.measuredOn,
        last: last.measuredOn,
        latest: amount(last.value),
      })
    : t('measurements.chart.summaryNone', { title: goal.title });
  if (goal.baseline === null || goal.target === null || goal.targetDate === null) return measured;
  return `${measured} ${t('measurements.chart.summaryTarget', {
    target: amount(goal.target),
    targetDate: goal.targetDate,
    baseline: amount(goal.baseline),
    startDate,
  })}`;
}
