import { useEffect, useState } from 'preact/hooks';
import type { ClockOffsetView } from '../../src/messages';
import { useClient } from '../../src/ui/client-context';
import { t } from '../../src/ui/i18n';

/**
 * Says which portals' codes follow the portal's own clock (measured when one refused a code), and by how much. The
 * popup's opening answer carries them (`preload`); after an unlock they are asked for.
 */
export function ClockNote({ preload }: { preload?: ClockOffsetView[] }) {
  const client = useClient();
  const [offsets, setOffsets] = useState<ClockOffsetView[]>(preload ?? []);
  useEffect(() => {
    if (preload) return;
    // Only a note: if it cannot be read, the list of codes is all the popup shows.
    client.request({ type: 'clock.offsets' }).then(({ offsets: list }) => setOffsets(list), () => setOffsets([]));
  }, [client]);
  if (offsets.length === 0) return null;
  return (
    <ul class="clock-note" data-testid="clock-offsets">
      {offsets.map(({ origin, offsetSeconds }) => {
        const host = new URL(origin).host;
        const seconds = Math.abs(offsetSeconds);
        return <li key={origin}>{offsetSeconds > 0 ? t('popup_clock_behind', host, seconds) : t('popup_clock_ahead', host, seconds)}</li>;
      })}
    </ul>
  );
}
