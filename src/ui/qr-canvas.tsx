import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';

/** Props of `QrCanvas`. `label` names the code for screen readers. */
export interface QrCanvasProps {
  text: string;
  label: string;
  testId?: string;
}

/** ISO/IEC 18004 asks for a quiet zone of four modules around the symbol. */
const QUIET_ZONE = 4;
/** Smallest side in CSS pixels: small codes are drawn bigger so a phone held at arm's length still reads them. */
const MIN_SIDE = 240;

/** Whole pixels per module: fractional scaling smears dense codes (ten accounts in one transfer QR) past reading. */
export function pickQrScale(moduleCount: number): number {
  return Math.max(4, Math.ceil(MIN_SIDE / (moduleCount + 2 * QUIET_ZONE)));
}

/** Draws `text` as a QR code (ISO/IEC 18004) on a canvas; the encoder is loaded only when one is shown. */
export function QrCanvas({ text, label, testId = 'qr' }: QrCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    import('qrcode')
      .then(({ default: QRCode }) => {
        if (!live || !canvas.current) return;
        const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
        return QRCode.toCanvas(canvas.current, text, { errorCorrectionLevel: 'M', margin: QUIET_ZONE, scale: pickQrScale(code.modules.size) });
      })
      .catch(() => live && setError(t('qr_render_failed')));
    return () => {
      live = false;
    };
  }, [text]);

  return (
    <figure class="qr">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} width={MIN_SIDE} height={MIN_SIDE} />
      <figcaption>{error || label}</figcaption>
    </figure>
  );
}
