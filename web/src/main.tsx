import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, StartupError } from './app/app';
import { loadAuthConfig } from './auth/auth-config';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

loadAuthConfig().then(
  (authConfig) =>
    root.render(
      <StrictMode>
        <App authConfig={authConfig} />
      </StrictMode>,
    ),
  (error: unknown) => {
    console.error(error);
    root.render(<StartupError />);
  },
);
