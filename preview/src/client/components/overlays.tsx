// Overlays and disclosure: Modal, Panel, Accordion, Tabs.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useOverlays } from './overlays-context.js';
import { cls, handler, marks, str, type HostProps } from './shared.js';

const TriggerContext = createContext(0);

/** Wraps a button's overlay so the overlay opens when that button is clicked. */
export function OverlayTrigger({ clicks, children }: { clicks: number; children: ReactNode }) {
  return <TriggerContext.Provider value={clicks}>{children}</TriggerContext.Provider>;
}

function useOverlay(props: HostProps, kind: 'modal' | 'panel') {
  const overlays = useOverlays();
  const id = str(props.id) ?? '';
  const clicks = useContext(TriggerContext);
  const seen = useRef(clicks);
  const onOpen = handler(props.onOpen);
  const onClose = handler(props.onClose);
  const open = overlays.openIds.has(id);
  useEffect(() => {
    if (clicks !== seen.current) {
      seen.current = clicks;
      if (kind === 'modal') overlays.openModal(id);
      else overlays.openPanel(id);
    }
  }, [clicks, id, kind, overlays]);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (open && !wasOpen.current) onOpen?.();
    if (!open && wasOpen.current) onClose?.();
    wasOpen.current = open;
  }, [open, onOpen, onClose]);
  const close = () => (kind === 'modal' ? overlays.closeModal(id) : overlays.closePanel(id));
  return { open, close };
}

export function Modal(props: HostProps) {
  const { open, close } = useOverlay(props, 'modal');
  if (!open) return null;
  return (
    <div className="hs-overlay" onClick={close}>
      <div
        {...marks('Modal', props)}
        role="dialog"
        aria-modal="true"
        aria-label={str(props.title)}
        className={cls('hs-modal', `hs-modal--${str(props.width) ?? 'small'}`)}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="hs-modal__head">
          <span>{str(props.title)}</span>
          <button type="button" className="hs-modal__close" aria-label="Close" onClick={close}>
            ✕
          </button>
        </header>
        {props.children}
      </div>
    </div>
  );
}

export function Panel(props: HostProps) {
  const { open, close } = useOverlay(props, 'panel');
  if (!open) return null;
  return (
    <div className="hs-overlay hs-overlay--panel" onClick={close}>
      <aside
        {...marks('Panel', props)}
        role="dialog"
        aria-label={str(props.title)}
        className="hs-panel"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="hs-modal__head">
          <span>{str(props.title)}</span>
          <button type="button" className="hs-modal__close" aria-label="Close" onClick={close}>
            ✕
          </button>
        </header>
        {props.children}
      </aside>
    </div>
  );
}

function section(name: string, className: string) {
  function Section(props: HostProps) {
    return (
      <div {...marks(name, props)} className={className}>
        {props.children}
      </div>
    );
  }
  return Section;
}

export const ModalBody = section('ModalBody', 'hs-modal__body');
export const ModalFooter = section('ModalFooter', 'hs-modal__foot');
export const PanelBody = section('PanelBody', 'hs-modal__body');
export const PanelFooter = section('PanelFooter', 'hs-modal__foot');
export const PanelSection = section('PanelSection', 'hs-panel__section');

export function Accordion(props: HostProps) {
  const onClick = handler(props.onClick);
  return (
    <details
      {...marks('Accordion', props)}
      className="hs-accordion"
      open={typeof props.open === 'boolean' ? props.open : props.defaultOpen === true}
      onToggle={() => onClick?.()}
    >
      <summary>{str(props.title)}</summary>
      <div className="hs-accordion__body">{props.children}</div>
    </details>
  );
}

interface TabsState {
  selected: string | number | undefined;
  register(id: string | number, title: string, disabled: boolean): () => void;
}

const TabsContext = createContext<TabsState | null>(null);

export function Tabs(props: HostProps) {
  const [tabs, setTabs] = useState<{ id: string | number; title: string; disabled: boolean }[]>([]);
  const controlled = props.selected as string | number | undefined;
  const [own, setOwn] = useState<string | number | undefined>(
    props.defaultSelected as string | number | undefined,
  );
  const selected = controlled ?? own ?? tabs[0]?.id;
  const onSelectedChange = handler(props.onSelectedChange);
  const register = useCallback((id: string | number, title: string, disabled: boolean) => {
    setTabs((list) => [...list.filter((t) => t.id !== id), { id, title, disabled }]);
    return () => setTabs((list) => list.filter((t) => t.id !== id));
  }, []);
  const state = useMemo<TabsState>(() => ({ selected, register }), [selected, register]);
  return (
    <div
      {...marks('Tabs', props)}
      className={cls('hs-tabs', props.variant === 'enclosed' && 'hs-tabs--enclosed')}
    >
      <div role="tablist" className="hs-tabs__list">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === selected}
            disabled={t.disabled}
            className={cls('hs-tabs__tab', t.id === selected && 'is-selected')}
            onClick={() => {
              setOwn(t.id);
              onSelectedChange?.(t.id);
            }}
          >
            {t.title}
          </button>
        ))}
      </div>
      <TabsContext.Provider value={state}>{props.children}</TabsContext.Provider>
    </div>
  );
}

export function Tab(props: HostProps) {
  const tabs = useContext(TabsContext);
  const id = (props.tabId as string | number | undefined) ?? str(props.title) ?? '';
  const register = tabs?.register;
  useEffect(
    () => register?.(id, str(props.title) ?? String(id), props.disabled === true),
    [register, id, props.title, props.disabled],
  );
  if (tabs && tabs.selected !== id) return null;
  return (
    <div {...marks('Tab', props)} role="tabpanel" className="hs-tabs__panel">
      {props.children}
    </div>
  );
}
