import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';

/** Props of `QrCanvas`. `label` names the code for screen readers. */
export interface QrCanvasProps {
  text: string;
  label: string;
  testId?: string;
}

/** Draws `text` as a QR code (ISO/IEC 18004) on a canvas; the encoder is loaded only when one is shown. */
export function QrCanvas({ text, label, testId = 'qr' }: QrCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    import('qrcode')
      .then(({ default: QRCode }) => {
        if (live && canvas.current) return QRCode.toCanvas(canvas.current, text, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
      })
      .catch(() => live && setError(t('qr_render_failed')));
    return () => {
      live = false;
    };
  }, [text]);

  return (
    <figure class="qr">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} width={240} height={240} />
      <figcaption>{error || label}</figcaption>
    </figure>
  );
}
