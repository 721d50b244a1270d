// Which host implementation draws each HubSpot component name the card sends.
import type { ComponentType } from 'react';
import * as buttons from './buttons.js';
import * as data from './data.js';
import * as inputs from './inputs.js';
import * as layout from './layout.js';
import * as overlays from './overlays.js';
import * as table from './table.js';
import * as text from './text.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each host component takes its own props
export const hubspotComponents: Record<string, ComponentType<any>> = {
  ...layout,
  ...text,
  Alert: text.Alert,
  ScoreCircle: data.ScoreCircle,
  ProgressBar: data.ProgressBar,
  Statistics: data.Statistics,
  StatisticsItem: data.StatisticsItem,
  StatisticsTrend: data.StatisticsTrend,
  DescriptionList: data.DescriptionList,
  DescriptionListItem: data.DescriptionListItem,
  StepIndicator: data.StepIndicator,
  LoadingSpinner: data.LoadingSpinner,
  EmptyState: data.EmptyState,
  ErrorState: data.ErrorState,
  BarChart: data.Chart('BarChart'),
  LineChart: data.Chart('LineChart'),
  ...table,
  ...inputs,
  Textarea: inputs.TextArea,
  Button: buttons.Button,
  LoadingButton: buttons.LoadingButton,
  ButtonRow: buttons.ButtonRow,
  Dropdown: buttons.Dropdown,
  Modal: overlays.Modal,
  ModalBody: overlays.ModalBody,
  ModalFooter: overlays.ModalFooter,
  Panel: overlays.Panel,
  PanelBody: overlays.PanelBody,
  PanelFooter: overlays.PanelFooter,
  PanelSection: overlays.PanelSection,
  Accordion: overlays.Accordion,
  Tabs: overlays.Tabs,
  Tab: overlays.Tab,
};
