import { hubspot } from '@hubspot/ui-extensions';
import { SettingsPage } from './SettingsPage.js';

hubspot.extend<'settings'>(({ actions }) => <SettingsPage addAlert={actions.addAlert} />);
