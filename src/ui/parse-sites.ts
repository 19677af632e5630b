/** Reads a "one site per line" field into a list: trimmed, blank lines dropped, duplicates removed. */
export function parseSiteLines(text: string): string[] {
  const sites = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [...new Set(sites)];
}
