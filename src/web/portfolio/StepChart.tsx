import { Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

// Mantine's blue 8, and blue 9 darkened for the chosen step: both well over 3:1 against white.
const BAR = '#1971c2';
const CHOSEN = '#0b3f73';

export interface StepCount {
  number: number;
  title: string;
  count: number;
}

/**
 * How many projects are at each step. A bar chosen by a click filters the table to that step; the
 * step filter does the same from the keyboard, and a hidden list says it all in words. Drawn again
 * only when its figures change, not on every sort or opened explanation.
 */
export const StepChart = memo(function StepChart({
  counts,
  closedCount,
  chosenStep,
  onChoose,
}: {
  counts: StepCount[];
  closedCount: number;
  chosenStep: number | undefined;
  /** Chooses the step, or lets go of it when it is the one chosen. */
  onChoose: (step: number) => void;
}) {
  const { t } = useTranslation();
  const choose = (index: number) => {
    const step = counts[index]?.number;
    if (step !== undefined) onChoose(step);
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="projekt-per-steg">
      <Title order={2} id="projekt-per-steg">
        {t('portfolio.chart.title')}
      </Title>
      <Text size="sm" c="gray.7" aria-hidden="true">
        {t('portfolio.chart.hint')}
      </Text>
      <div aria-hidden="true" style={{ cursor: 'pointer' }}>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={counts} accessibilityLayer={false} margin={{ top: 20, right: 16, bottom: 20, left: 12 }}>
            <CartesianGrid stroke="#dee2e6" vertical={false} />
            <XAxis
              dataKey="number"
              tick={{ fill: '#343a40', fontSize: 13 }}
              stroke="#495057"
              label={{ value: t('portfolio.chart.stepAxis'), position: 'insideBottom', offset: -14, fill: '#212529' }}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fill: '#343a40', fontSize: 13 }}
              stroke="#495057"
              width={48}
              label={{
                value: t('portfolio.chart.countAxis'),
                angle: -90,
                position: 'insideLeft',
                offset: 12,
                fill: '#212529',
              }}
            />
            <Tooltip
              cursor={{ fill: '#e7f5ff' }}
              labelFormatter={(_, payload) => {
                const step = payload?.[0]?.payload as StepCount | undefined;
                return step ? `${step.number} ${step.title}` : '';
              }}
              formatter={(value) => [t('portfolio.chart.tooltip', { count: Number(value) }), '']}
              separator=""
            />
            <Bar
              dataKey="count"
              isAnimationActive={false}
              // The whole column is the target, through an invisible background, so that a step
              // without projects can be chosen too.
              background={{ fill: 'transparent' }}
              onClick={(_, index) => choose(index)}
              shape={(props: BarShapeProps) => (
                <Rectangle {...props} fill={counts[props.index]?.number === chosenStep ? CHOSEN : BAR} />
              )}
            >
              <LabelList dataKey="count" position="top" fill="#212529" fontSize={13} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="visually-hidden" aria-label={t('portfolio.chart.summary')}>
        {counts.map((step) => (
          <li key={step.number}>{t('portfolio.chart.stepCount', { ...step })}</li>
        ))}
        {closedCount > 0 && <li>{t('portfolio.chart.closed', { count: closedCount })}</li>}
      </ul>
    </Stack>
  );
});
