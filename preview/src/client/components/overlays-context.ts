// Modals and panels open through "reactions" passed to a click handler (reactions.openModal(id)).
import { createContext, useContext } from 'react';

export interface Reactions {
  openModal(id: string): void;
  closeModal(id: string): void;
  openPanel(id: string): void;
  closePanel(id: string): void;
}

export interface OverlayState extends Reactions {
  openIds: ReadonlySet<string>;
}

const noop = () => undefined;
export const OverlayContext = createContext<OverlayState>({
  openIds: new Set(),
  openModal: noop,
  closeModal: noop,
  openPanel: noop,
  closePanel: noop,
});

export function useOverlays(): OverlayState {
  return useContext(OverlayContext);
}

export function reactionsOf(state: OverlayState): Reactions {
  const { openModal, closeModal, openPanel, closePanel } = state;
  return { openModal, closeModal, openPanel, closePanel };
}
