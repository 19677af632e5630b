import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every byte of every file below `dir` (a browser profile), to search it for what must not be stored. */
export async function readTree(dir: string): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await readTree(path)));
    else if (entry.isFile()) out.push(await readFile(path).catch(() => Buffer.alloc(0)));
  }
  return out;
}
