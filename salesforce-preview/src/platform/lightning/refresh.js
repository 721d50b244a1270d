/** lightning/refresh: the event a component sends so the page's views read their data again. */
export class RefreshEvent extends CustomEvent {
  constructor() {
    super('lightning__refreshevent', { bubbles: true, composed: true, cancelable: true });
  }
}

const handlers = new Map();

export function registerRefreshHandler(element, handler) {
  handlers.set(element, handler);
}

export function unregisterRefreshHandler(element) {
  handlers.delete(element);
}

export function refreshHandlers() {
  return [...handlers.values()];
}
