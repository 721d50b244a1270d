// Helpers shared by the host implementations of HubSpot's UI components.
import type { ReactNode } from 'react';

/** Props every host component receives: what the card set, plus remote-ui's rendered children. */
export interface HostProps {
  children?: ReactNode;
  testId?: string;
  [prop: string]: unknown;
}

const DISTANCES: Record<string, number> = {
  flush: 0,
  'extra-small': 4,
  xs: 4,
  small: 8,
  sm: 8,
  medium: 16,
  md: 16,
  large: 24,
  lg: 24,
  'extra-large': 32,
  xl: 32,
};

export function distance(value: unknown, fallback = 0): number {
  return typeof value === 'string' ? (DISTANCES[value] ?? fallback) : fallback;
}

const ALIGN: Record<string, string> = {
  start: 'flex-start',
  end: 'flex-end',
  center: 'center',
  baseline: 'baseline',
  stretch: 'stretch',
  around: 'space-around',
  between: 'space-between',
  auto: 'auto',
};

export function flexAlign(value: unknown): string | undefined {
  return typeof value === 'string' ? ALIGN[value] : undefined;
}

/** Attributes that let people (and the browser tests) see which HubSpot component drew an element. */
export function marks(name: string, props: HostProps): Record<string, string | undefined> {
  return { 'data-hs-component': name, 'data-testid': props.testId };
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function cls(...names: (string | false | undefined | null)[]): string {
  return names.filter(Boolean).join(' ');
}

/** The event object HubSpot passes to onClick/onSubmit handlers (ExtensionEvent). */
export function extensionEvent(event: { type: string; bubbles: boolean; timeStamp: number }) {
  return {
    type: event.type,
    bubbles: event.bubbles,
    timeStamp: event.timeStamp,
    id: `${event.type}-${Math.round(event.timeStamp)}`,
  };
}

export type Handler = (...args: unknown[]) => unknown;

export function handler(value: unknown): Handler | undefined {
  return typeof value === 'function' ? (value as Handler) : undefined;
}
