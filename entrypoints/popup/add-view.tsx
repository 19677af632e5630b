import { useState } from 'preact/hooks';
import type { ActiveTab } from '../../src/ui/client';
import { t } from '../../src/ui/i18n';
import { labelAccount } from '../../src/account-label';
import { ImageForm, UriForm } from '../../src/ui/link-forms';
import { ManualEntryForm } from '../../src/ui/manual-entry-form';
import { ScanReportView } from '../../src/ui/scan-report-view';

type Method = 'scan' | 'manual' | 'uri' | 'image';

/** Props of `AddView`. */
export interface AddViewProps {
  tab: ActiveTab;
  onDone: (note: string) => void;
}

/** The ways to add an account: scan the page, type the key, paste a link, or read a QR image file. */
export function AddView({ tab, onDone }: AddViewProps) {
  const [method, setMethod] = useState<Method | undefined>(undefined);
  const sites = tab.origin ?? '';

  if (method === 'scan') return <ScanReportView tabId={tab.id} initialSites={sites} onDone={onDone} />;
  if (method === 'manual') return <ManualEntryForm initialSites={sites} onSaved={(account, warning) => onDone([t('popup_added', labelAccount(account, t('account_unnamed'))), warning].filter(Boolean).join(' '))} />;
  if (method === 'uri') return <UriForm initialSites={sites} onDone={onDone} />;
  if (method === 'image') return <ImageForm initialSites={sites} onDone={onDone} />;

  const choices: Array<{ id: Method; testId: string; title: string; detail: string }> = [
    { id: 'scan', testId: 'scan-page', title: t('add_scan'), detail: t('add_scan_detail') },
    { id: 'manual', testId: 'add-manual', title: t('add_manual'), detail: t('add_manual_detail') },
    { id: 'uri', testId: 'add-uri', title: t('add_uri'), detail: t('add_uri_detail') },
    { id: 'image', testId: 'add-image', title: t('add_image'), detail: t('add_image_detail') },
  ];
  return (
    <ul class="plain choices">
      {choices.map((choice) => (
        <li key={choice.id}>
          <button type="button" class="choice" data-testid={choice.testId} onClick={() => setMethod(choice.id)}>
            <strong>{choice.title}</strong>
            <small>{choice.detail}</small>
          </button>
        </li>
      ))}
    </ul>
  );
}
