// An authenticator set-up step in a modal dialog trapped by the `focus-trap` library: the QR code (from the page's
// `?uri=`), the confirmation-code field and the dialog's buttons. Clicks and focus outside the dialog are cancelled.
import { createFocusTrap } from 'focus-trap';
import QRCode from 'qrcode';
import { appRoot } from './report';

const uri = new URLSearchParams(location.search).get('uri') ?? '';
appRoot().innerHTML = '<h1>Security settings</h1><p>Your account is not protected by a second factor yet.</p>';
const dialog = document.createElement('div');
dialog.id = 'setup-dialog';
dialog.setAttribute('role', 'dialog');
dialog.setAttribute('aria-modal', 'true');
dialog.setAttribute('aria-labelledby', 'setup-title');
dialog.style.cssText = 'position:fixed;top:40px;left:50%;transform:translateX(-50%);width:420px;padding:20px;background:#fff;border:1px solid #999;font-family:sans-serif';
dialog.innerHTML = `
  <h2 id="setup-title">Set up two-factor authentication</h2>
  <button id="back" type="button">Back</button>
  <p>Scan this QR code with your authenticator app, then enter the 6-digit code it shows.</p>
  <img id="qr" alt="QR code" width="200" height="200">
  <p><label for="confirm">Verification code</label> <input id="confirm" name="confirm" autocomplete="one-time-code" inputmode="numeric"></p>
  <button id="cancel" type="button">Cancel</button> <button id="continue" type="button">Continue</button>`;
document.body.append(dialog);

const trap = createFocusTrap(dialog, { initialFocus: '#back', escapeDeactivates: false });
(window as unknown as { setupTrap: typeof trap }).setupTrap = trap;
void QRCode.toDataURL(uri, { width: 200, margin: 2 }).then((src) => {
  dialog.querySelector<HTMLImageElement>('#qr')!.src = src;
  trap.activate();
});
