import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import base from '../../../wxt.config';

/** The product's WXT config, building only scanner.js into its own folder so tests never clean the shared .output. */
export default defineConfig({
  ...base,
  filterEntrypoints: ['scanner'],
  outDir: process.env.QR_SCANNER_OUT_DIR ?? join(tmpdir(), 'portal-authenticator-scanner-build'),
});
