// The base styles first: the screens' own style sheets (imported by their modules) build on them.
import './styles/app.css';
import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { setupI18n } from './i18n';

// The CSP forbids eval; tell zod not to try its JIT (which would log a CSP violation).
z.config({ jitless: true });
setupI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
