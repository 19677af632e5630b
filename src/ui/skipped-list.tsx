import type { SkippedEntry } from '../import/types';
import { translate, translateValue } from './i18n';

/** Entries left out (of an import, or of an export), each with its name and why, in the UI language. */
export function SkippedList({ items, testId, itemTestId }: { items: SkippedEntry[]; testId: string; itemTestId?: string }) {
  return (
    <ul class="plain skipped" data-testid={testId}>
      {items.map((item, index) => (
        <li key={index} data-testid={itemTestId}>
          <strong>{translateValue(item.label) || '—'}</strong>: {translate(item.reason)}
        </li>
      ))}
    </ul>
  );
}
