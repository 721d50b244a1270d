// Buttons, button rows and the dropdown menu. A button's `overlay` (a Modal or Panel) opens on click.
import { useState, type ReactNode } from 'react';
import { OverlayTrigger } from './overlays.js';
import { reactionsOf, useOverlays } from './overlays-context.js';
import { cls, extensionEvent, handler, marks, str, type HostProps } from './shared.js';

function hrefUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'url' in value)
    return String((value as { url: unknown }).url);
  return undefined;
}

function HostButton(name: 'Button' | 'LoadingButton') {
  function Implementation(props: HostProps) {
    const overlays = useOverlays();
    const [clicks, setClicks] = useState(0);
    const onClick = handler(props.onClick);
    const loading = name === 'LoadingButton' && props.loading === true;
    const className = cls(
      'hs-button',
      `hs-button--${str(props.variant) ?? 'secondary'}`,
      (props.size === 'xs' ||
        props.size === 'extra-small' ||
        props.size === 'sm' ||
        props.size === 'small') &&
        'hs-button--small',
    );
    const url = hrefUrl(props.href);
    const click = (e: React.MouseEvent) => {
      setClicks((n) => n + 1);
      onClick?.(extensionEvent(e), reactionsOf(overlays));
    };
    return (
      <>
        {url ? (
          <a
            {...marks(name, props)}
            className={className}
            href={url}
            target="_blank"
            rel="noreferrer"
            onClick={click}
          >
            {props.children}
          </a>
        ) : (
          <button
            {...marks(name, props)}
            className={className}
            type={(str(props.type) as 'button' | 'submit' | 'reset' | undefined) ?? 'button'}
            disabled={props.disabled === true || loading}
            aria-busy={loading || undefined}
            onClick={click}
          >
            {loading ? <span className="hs-spinner__wheel hs-spinner__wheel--inline" /> : null}
            {props.children}
          </button>
        )}
        {props.overlay ? (
          <OverlayTrigger clicks={clicks}>{props.overlay as ReactNode}</OverlayTrigger>
        ) : null}
      </>
    );
  }
  return Implementation;
}

export const Button = HostButton('Button');
export const LoadingButton = HostButton('LoadingButton');

export function ButtonRow(props: HostProps) {
  return (
    <div {...marks('ButtonRow', props)} className="hs-button-row">
      {props.children}
    </div>
  );
}

interface DropdownOption {
  label: string;
  onClick?: () => void;
}

export function Dropdown(props: HostProps) {
  const [open, setOpen] = useState(false);
  const options = Array.isArray(props.options) ? (props.options as DropdownOption[]) : [];
  return (
    <div {...marks('Dropdown', props)} className="hs-dropdown">
      <button
        type="button"
        className={cls('hs-button', `hs-button--${str(props.variant) ?? 'secondary'}`)}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {str(props.buttonText) ?? 'More'} ▾
      </button>
      {open ? (
        <ul className="hs-dropdown__menu" role="menu">
          {options.map((o, i) => (
            <li key={i} role="menuitem">
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  o.onClick?.();
                }}
              >
                {o.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
