import { render } from 'preact';
import { createBrowserClient } from '../../src/ui/client';
import { ClientContext } from '../../src/ui/client-context';
import { App } from './App';
import '../../src/ui/base.css';
import './style.css';

render(
  <ClientContext.Provider value={createBrowserClient()}>
    <App />
  </ClientContext.Provider>,
  document.getElementById('app')!,
);
