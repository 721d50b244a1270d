// Text-like components: Text, Heading, Link, Tag, StatusTag, Alert, List, Icon, Image, Tooltip, Illustration.
import type { CSSProperties, ReactNode } from 'react';
import { Children } from 'react';
import { useOverlays, reactionsOf } from './overlays-context.js';
import { cls, extensionEvent, handler, marks, str, type HostProps } from './shared.js';

interface TextFormat {
  fontWeight?: 'regular' | 'bold' | 'demibold';
  italic?: boolean;
  lineDecoration?: 'none' | 'underline' | 'strikethrough';
  textTransform?: string;
}

function formatStyle(format: unknown): CSSProperties {
  const f = (format ?? {}) as TextFormat;
  const weights = { regular: 400, demibold: 600, bold: 700 } as const;
  return {
    fontWeight: f.fontWeight ? weights[f.fontWeight] : undefined,
    fontStyle: f.italic ? 'italic' : undefined,
    textDecoration:
      f.lineDecoration === 'strikethrough'
        ? 'line-through'
        : f.lineDecoration === 'underline'
          ? 'underline'
          : undefined,
    textTransform:
      f.textTransform && f.textTransform !== 'sentenceCase' && f.textTransform !== 'none'
        ? (f.textTransform as CSSProperties['textTransform'])
        : undefined,
  };
}

export function Text(props: HostProps) {
  const Tag = props.inline === true ? 'span' : 'p';
  return (
    <Tag
      {...marks('Text', props)}
      className={cls('hs-text', props.variant === 'microcopy' && 'hs-text--micro')}
      style={formatStyle(props.format)}
    >
      {props.children}
    </Tag>
  );
}

export function Heading(props: HostProps) {
  return (
    <h3
      {...marks('Heading', props)}
      className="hs-heading"
      style={props.inline === true ? { display: 'inline' } : undefined}
    >
      {props.children}
    </h3>
  );
}

const LOCAL_RECORD_PAGES: Record<string, string> = { '0-2': 'companies', '0-3': 'deals' };

/** A link to a HubSpot record page opens the same record in the preview. */
function localRecordUrl(url: string): string | undefined {
  const m = /\/contacts\/\d+\/record\/(0-\d+)\/(\d+)/.exec(url);
  const type = m ? LOCAL_RECORD_PAGES[m[1] ?? ''] : undefined;
  return m && type ? `/${type}/${m[2]}` : undefined;
}

function hrefOf(value: unknown): { url?: string; external: boolean } {
  const raw =
    typeof value === 'string'
      ? { url: value, external: /^https?:/.test(value) }
      : value && typeof value === 'object' && 'url' in value
        ? {
            url: String((value as { url: unknown }).url),
            external: (value as { external?: boolean }).external ?? true,
          }
        : undefined;
  if (!raw) return { external: false };
  const local = localRecordUrl(raw.url);
  return local ? { url: local, external: false } : raw;
}

export function Link(props: HostProps) {
  const overlays = useOverlays();
  const { url, external } = hrefOf(props.href);
  const onClick = handler(props.onClick);
  return (
    <>
      <a
        {...marks('Link', props)}
        className={cls('hs-link', props.variant === 'destructive' && 'hs-link--destructive')}
        href={url ?? '#'}
        target={external ? '_blank' : undefined}
        rel={external ? 'noreferrer' : undefined}
        onClick={(e) => {
          if (!url || props.preventDefault === true) e.preventDefault();
          onClick?.(extensionEvent(e), reactionsOf(overlays));
        }}
      >
        {props.children}
      </a>
      {props.overlay as ReactNode}
    </>
  );
}

export function Tag(props: HostProps) {
  const overlays = useOverlays();
  const onClick = handler(props.onClick);
  return (
    <>
      <span
        {...marks('Tag', props)}
        className={cls(
          'hs-tag',
          `hs-tag--${str(props.variant) ?? 'default'}`,
          onClick && 'hs-clickable',
        )}
        onClick={onClick ? (e) => onClick(extensionEvent(e), reactionsOf(overlays)) : undefined}
      >
        {props.children}
      </span>
      {props.overlay as ReactNode}
    </>
  );
}

export function StatusTag(props: HostProps) {
  const onClick = handler(props.onClick);
  return (
    <span
      {...marks('StatusTag', props)}
      data-variant={str(props.variant) ?? 'default'}
      className={cls(
        'hs-status',
        `hs-status--${str(props.variant) ?? 'default'}`,
        props.hollow === true && 'hs-status--hollow',
      )}
      onClick={onClick ? () => onClick() : undefined}
    >
      <span className="hs-status__dot" />
      {props.children}
    </span>
  );
}

export function Alert(props: HostProps) {
  const variant = str(props.variant) ?? 'info';
  return (
    <div
      {...marks('Alert', props)}
      role="alert"
      data-variant={variant}
      className={cls('hs-alert', `hs-alert--${variant}`)}
    >
      <div className="hs-alert__title">{str(props.title)}</div>
      {props.children ? <div className="hs-alert__body">{props.children}</div> : null}
    </div>
  );
}

export function List(props: HostProps) {
  const variant = str(props.variant) ?? 'unordered';
  const ordered = variant.startsWith('ordered');
  const inline = variant.startsWith('inline');
  const items = Children.toArray(props.children).map((child, i) => <li key={i}>{child}</li>);
  const className = cls(
    'hs-list',
    inline && 'hs-list--inline',
    variant === 'inline-divided' && 'hs-list--divided',
    !variant.endsWith('styled') && !inline && 'hs-list--plain',
  );
  return ordered ? (
    <ol {...marks('List', props)} className={className}>
      {items}
    </ol>
  ) : (
    <ul {...marks('List', props)} className={className}>
      {items}
    </ul>
  );
}

const ICON_GLYPHS: Record<string, string> = {
  success: '✓',
  warning: '⚠',
  info: 'ℹ',
  error: '✕',
  remove: '✕',
  add: '+',
  upCarat: '▲',
  downCarat: '▼',
  right: '›',
  left: '‹',
};

export function Icon(props: HostProps) {
  const name = str(props.name) ?? '';
  return (
    <span
      {...marks('Icon', props)}
      className="hs-icon"
      aria-label={str(props.screenReaderText) ?? name}
    >
      {ICON_GLYPHS[name] ?? '•'}
    </span>
  );
}

export function Image(props: HostProps) {
  return (
    <img
      {...marks('Image', props)}
      src={str(props.src)}
      alt={str(props.alt) ?? ''}
      width={typeof props.width === 'number' ? props.width : undefined}
      height={typeof props.height === 'number' ? props.height : undefined}
    />
  );
}

export function Illustration(props: HostProps) {
  return (
    <span
      {...marks('Illustration', props)}
      className="hs-illustration"
      aria-label={str(props.alt) ?? str(props.name)}
    />
  );
}

export function Tooltip(props: HostProps) {
  return (
    <span {...marks('Tooltip', props)} className="hs-tooltip">
      {props.children}
    </span>
  );
}
