// Data display: ScoreCircle, ProgressBar, Statistics, DescriptionList, StepIndicator, states and the spinner.
import { cls, marks, str, type HostProps } from './shared.js';

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

// HubSpot colours the score circle by the score itself: red below 33, amber below 66, green above.
function scoreTone(score: number): string {
  if (score < 33) return 'danger';
  if (score < 66) return 'warning';
  return 'success';
}

export function ScoreCircle(props: HostProps) {
  const score = Math.max(0, Math.min(100, Math.round(num(props.score))));
  const radius = 26;
  const circumference = 2 * Math.PI * radius;
  return (
    <div
      {...marks('ScoreCircle', props)}
      data-score={score}
      className={cls('hs-score', `hs-score--${scoreTone(score)}`)}
    >
      <svg viewBox="0 0 64 64" width="64" height="64" aria-hidden="true">
        <circle cx="32" cy="32" r={radius} className="hs-score__track" />
        <circle
          cx="32"
          cy="32"
          r={radius}
          className="hs-score__arc"
          strokeDasharray={`${(score / 100) * circumference} ${circumference}`}
          transform="rotate(-90 32 32)"
        />
      </svg>
      <span className="hs-score__value">{score}</span>
    </div>
  );
}

export function ProgressBar(props: HostProps) {
  const max = num(props.maxValue ?? props.valueMax, 100) || 100;
  const value = Math.max(0, Math.min(max, num(props.value)));
  const pct = Math.round((value / max) * 100);
  return (
    <div {...marks('ProgressBar', props)} className="hs-progress">
      {props.title || props.showPercentage ? (
        <div className="hs-progress__head">
          <span className="hs-progress__title">{str(props.title)}</span>
          {props.showPercentage === true ? <span>{pct}%</span> : null}
        </div>
      ) : null}
      <div
        className="hs-progress__track"
        role="progressbar"
        aria-valuenow={value}
        aria-valuemax={max}
        aria-label={str(props['aria-label']) ?? str(props.title)}
      >
        <div
          className={cls(
            'hs-progress__fill',
            `hs-progress__fill--${str(props.variant) ?? 'success'}`,
          )}
          style={{ width: `${pct}%` }}
        />
      </div>
      {props.valueDescription ? (
        <div className="hs-text hs-text--micro">{str(props.valueDescription)}</div>
      ) : null}
    </div>
  );
}

export function Statistics(props: HostProps) {
  return (
    <div {...marks('Statistics', props)} className="hs-stats">
      {props.children}
    </div>
  );
}

export function StatisticsItem(props: HostProps) {
  return (
    <div {...marks('StatisticsItem', props)} className="hs-stats__item">
      <div className="hs-stats__label">{str(props.label)}</div>
      <div className="hs-stats__number">{String(props.number ?? '')}</div>
      {props.children}
    </div>
  );
}

export function StatisticsTrend(props: HostProps) {
  const up = props.direction === 'increase';
  const color = str(props.color) ?? (up ? 'green' : 'red');
  return (
    <span {...marks('StatisticsTrend', props)} className={cls('hs-trend', `hs-trend--${color}`)}>
      {up ? '▲' : '▼'} {str(props.value)}
    </span>
  );
}

export function DescriptionList(props: HostProps) {
  return (
    <dl
      {...marks('DescriptionList', props)}
      className={cls('hs-dl', props.direction === 'row' && 'hs-dl--row')}
    >
      {props.children}
    </dl>
  );
}

export function DescriptionListItem(props: HostProps) {
  return (
    <div {...marks('DescriptionListItem', props)} className="hs-dl__item">
      <dt>{str(props.label)}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

export function StepIndicator(props: HostProps) {
  const steps = Array.isArray(props.stepNames) ? (props.stepNames as string[]) : [];
  const current = num(props.currentStep, 0);
  return (
    <ol {...marks('StepIndicator', props)} className="hs-steps">
      {steps.map((name, i) => (
        <li
          key={name}
          className={cls('hs-steps__step', i < current && 'is-done', i === current && 'is-current')}
        >
          <span className="hs-steps__dot">{i < current ? '✓' : i + 1}</span>
          {name}
        </li>
      ))}
    </ol>
  );
}

export function LoadingSpinner(props: HostProps) {
  return (
    <div
      {...marks('LoadingSpinner', props)}
      className={cls('hs-spinner', props.layout === 'centered' && 'hs-spinner--centered')}
      role="status"
      aria-label={str(props.label)}
    >
      <span className="hs-spinner__wheel" />
      {props.showLabel === true ? <span>{str(props.label)}</span> : null}
    </div>
  );
}

export function EmptyState(props: HostProps) {
  return (
    <div
      {...marks('EmptyState', props)}
      className={cls('hs-state', props.layout === 'vertical' && 'hs-state--vertical')}
    >
      <div className="hs-state__art" aria-hidden="true">
        ◌
      </div>
      <div>
        {props.title ? <h3 className="hs-heading">{str(props.title)}</h3> : null}
        {props.children}
      </div>
    </div>
  );
}

export function ErrorState(props: HostProps) {
  return (
    <div {...marks('ErrorState', props)} role="alert" className="hs-state hs-state--error">
      <div className="hs-state__art" aria-hidden="true">
        {props.type === 'lock' ? '🔒' : '!'}
      </div>
      <div>
        <h3 className="hs-heading">{str(props.title) ?? 'Something went wrong.'}</h3>
        {props.children}
      </div>
    </div>
  );
}

interface ChartData {
  data?: Record<string, unknown>[];
  axes?: { x?: { field?: string; label?: string }; y?: { field?: string; label?: string } };
  options?: { title?: string };
}

// Charts are drawn as labelled horizontal bars: enough to read the figures the card sends.
export function Chart(name: 'BarChart' | 'LineChart') {
  function HostChart(props: HostProps) {
    const { data = [], axes = {}, options = {} } = props as unknown as ChartData;
    const xField = axes.x?.field ?? 'x';
    const yField = axes.y?.field ?? 'y';
    const values = data.map((d) => num(d[yField]));
    const max = Math.max(1, ...values);
    return (
      <figure {...marks(name, props)} className="hs-chart">
        {options.title ? <figcaption className="hs-heading">{options.title}</figcaption> : null}
        {data.map((d, i) => (
          <div key={i} className="hs-chart__row">
            <span className="hs-chart__label">{String(d[xField] ?? '')}</span>
            <span
              className="hs-chart__bar"
              style={{ width: `${((values[i] ?? 0) / max) * 100}%` }}
            />
            <span className="hs-chart__value">{String(d[yField] ?? '')}</span>
          </div>
        ))}
      </figure>
    );
  }
  return HostChart;
}
