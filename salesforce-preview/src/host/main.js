// The record page's component region: mounts the page's component, shows its toasts and answers its
// RefreshEvent by provisioning every live wire again, as the record page's views do.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import AccountHealth from 'c/accountHealth';
import OpportunityHandoff from 'c/opportunityHandoff';
import { refreshAll } from 'csops/ldsClient';
import { refreshHandlers } from 'lightning/refresh';

const COMPONENTS = {
  accountHealth: { tag: 'c-account-health', ctor: AccountHealth },
  opportunityHandoff: { tag: 'c-opportunity-handoff', ctor: OpportunityHandoff },
};

const TOAST_THEMES = {
  success: 'slds-theme_success',
  warning: 'slds-theme_warning',
  error: 'slds-theme_error',
  info: 'slds-theme_info',
};

function showToast(detail) {
  const region = document.getElementById('toasts');
  const toast = document.createElement('div');
  toast.className = `slds-notify slds-notify_toast ${TOAST_THEMES[detail.variant] || TOAST_THEMES.info}`;
  toast.setAttribute('data-toast', detail.variant);
  const body = document.createElement('div');
  body.className = 'slds-notify__content';
  const title = document.createElement('h2');
  title.className = 'slds-text-heading_small';
  title.textContent = detail.title || '';
  body.appendChild(title);
  if (detail.message) {
    const message = document.createElement('p');
    message.textContent = detail.message;
    body.appendChild(message);
  }
  toast.appendChild(body);
  region.appendChild(toast);
}

const page = window.__csopsSalesforce;
const component = COMPONENTS[page.component];
const host = document.getElementById('component-region');
host.addEventListener('lightning__showtoast', (event) => showToast(event.detail));
host.addEventListener('lightning__refreshevent', () => {
  refreshHandlers().forEach((handler) => handler());
  refreshAll();
});
const element = createElement(component.tag, { is: component.ctor });
element.recordId = page.recordId;
element.objectApiName = page.objectApiName;
host.appendChild(element);
