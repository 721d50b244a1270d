// Entry of the preview's browser bundle: draws the page named in the bootstrap data.
import { createRoot } from 'react-dom/client';
import { bootstrapData } from './api.js';
import { DealsPage } from './deals-page.js';
import { PortfolioPage } from './portfolio-page.js';
import { RecordPage } from './record-page.js';
import { SettingsPage } from './settings-page.js';
import { TasksPage } from './tasks-page.js';

const data = bootstrapData();
const main = document.getElementById('main');

function Page() {
  switch (data.page) {
    case 'portfolio':
      return <PortfolioPage data={data} />;
    case 'deals':
      return <DealsPage />;
    case 'tasks':
      return <TasksPage />;
    case 'record':
      return <RecordPage data={data} />;
    case 'settings':
      return <SettingsPage data={data} />;
    default:
      return <p className="hs-text">Nothing here.</p>;
  }
}

if (main) createRoot(main).render(<Page />);
