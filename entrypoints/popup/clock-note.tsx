import { useEffect, useState } from 'preact/hooks';
import type { Responses } from '../../src/messages';
import { useClient } from '../../src/ui/client-context';
import { t } from '../../src/ui/i18n';

type Offset = Responses['clock.offsets']['offsets'][number];

/** Says which portals' codes follow the portal's own clock (measured when one refused a code), and by how much. */
export function ClockNote() {
  const client = useClient();
  const [offsets, setOffsets] = useState<Offset[]>([]);
  useEffect(() => {
    // Only a note: if it cannot be read, the list of codes is all the popup shows.
    client.request({ type: 'clock.offsets' }).then(({ offsets: list }) => setOffsets(list), () => setOffsets([]));
  }, [client]);
  if (offsets.length === 0) return null;
  return (
    <ul class="clock-note" data-testid="clock-offsets">
      {offsets.map(({ origin, offsetSeconds }) => (
        <li key={origin}>
          {t(offsetSeconds > 0 ? 'popup_clock_behind' : 'popup_clock_ahead', new URL(origin).host, Math.abs(offsetSeconds))}
        </li>
      ))}
    </ul>
  );
}
