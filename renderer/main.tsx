// First: configures zod before any shared schema is built (see zod-config.ts).
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tags.css';
import './styles/caseload.css';
import './styles/current-view.css';
import './styles/case.css';
import './styles/exports.css';
import './styles/lock.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
