import { render } from 'preact';
import { createBrowserClient } from '../../src/ui/client';
import { ClientContext } from '../../src/ui/client-context';
import { applyPageLanguage, t } from '../../src/ui/i18n';
import { App } from './App';
import '../../src/ui/base.css';
import './style.css';

applyPageLanguage();
document.title = t('options_title');

render(
  <ClientContext.Provider value={createBrowserClient()}>
    <App />
  </ClientContext.Provider>,
  document.getElementById('app')!,
);
