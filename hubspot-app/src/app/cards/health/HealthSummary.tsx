import { Alert, Flex, Heading, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import {
  BAND_LABELS,
  MEASURE_LABELS,
  displayDelta,
  displayScore,
  type HealthScore,
} from '@csops/core';
import { BAND_VARIANT, day, percent } from '../common/format.js';

function trendText(health: HealthScore): string {
  const t = health.trend;
  if (t.direction === 'new' || t.delta === undefined) return 'First score: no trend yet';
  const since = t.previousAsOf ? ` since ${day(t.previousAsOf)}` : '';
  if (t.direction === 'flat')
    return `Steady${since} (${t.delta >= 0 ? '+' : ''}${displayScore(t.delta)})`;
  const arrow = t.direction === 'up' ? '▲' : '▼';
  return `${arrow} ${displayDelta(t.delta)} points${since}`;
}

export function HealthSummary({ health }: { health: HealthScore }) {
  const measures = new Map(health.measures.map((m) => [m.key, m]));
  const stale = health.stale.map((k) => {
    const m = measures.get(k);
    return `${MEASURE_LABELS[k]} (last observed ${day(m?.observedAt)})`;
  });
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="column" gap="xs">
        <Flex direction="row" gap="sm" align="center">
          <Heading>Health {health.score === null ? '' : displayScore(health.score)}</Heading>
          {health.band ? (
            <StatusTag variant={BAND_VARIANT[health.band]} testId="band">
              {BAND_LABELS[health.band]}
            </StatusTag>
          ) : null}
        </Flex>
        {/* Coloured by the admin's bands: ScoreCircle colours by fixed cut-offs (33/66) that
            contradict them, e.g. a red 44.9 drawn amber. */}
        {health.score !== null && health.band ? (
          <ProgressBar
            value={health.score}
            maxValue={100}
            variant={BAND_VARIANT[health.band]}
            aria-label={`Health score ${displayScore(health.score)} of 100`}
            testId="score"
          />
        ) : null}
        <Text testId="trend">{trendText(health)}</Text>
        <Text variant="microcopy">Data coverage {percent(health.coverage)}</Text>
      </Flex>
      {health.missing.length > 0 ? (
        <Alert title="Partial data" variant="warning" testId="coverage-warning">
          This score rests on {percent(health.coverage)} of the model. No data for:{' '}
          {health.missing.map((k) => MEASURE_LABELS[k]).join(', ')}.
        </Alert>
      ) : null}
      {stale.length > 0 ? (
        <Alert title="Stale data" variant="warning" testId="stale-warning">
          Out of date: {stale.join(', ')}.
        </Alert>
      ) : null}
    </Flex>
  );
}
