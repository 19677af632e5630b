/** Importing from other authenticators' files and exporting to their formats: pure, bytes in, accounts out. */
export { readImportFile, readImportLines, type ReadImportOptions } from './read-import';
export { detectImportFormat, type DetectedImport } from './detect-format';
export { formatAegisJson } from './aegis';
export { checkPlainExportFormat, type ExportFile, formatPlainExport, PLAIN_EXPORT_FORMATS, type PlainExportFormat } from './plain-export';
export { IMPORT_KDF_CAPS, MAX_IMPORT_BYTES, type ImportKdfCaps } from './limits';
export type { ImportedAccount, ImportFormat, ParsedImport, SkippedEntry } from './types';
