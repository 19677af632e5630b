import { scanPage } from '@/src/qr/scan-page';

// Injected on demand by the background with scripting.executeScript({ files: ['/scanner.js'] }).
// The script's last expression is the Promise from scanPage, which executeScript resolves and hands back.
export default defineUnlistedScript(() => scanPage());
