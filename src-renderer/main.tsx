import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeTokenFromUrl } from './api/token';
import { App } from './App';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/dashboard.css';
import './styles/import.css';
import './styles/settings.css';
import './styles/agent.css';
import './styles/calls.css';
import './styles/recovery.css';
import './styles/coaching.css';
import './styles/reports.css';
import './styles/orders.css';
import './styles/audits.css';
import './styles/targets.css';
import './styles/review.css';
import './styles/people.css';
import './styles/auth.css';

// Before anything calls the API: browser mode passes its token in the URL once.
takeTokenFromUrl();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
