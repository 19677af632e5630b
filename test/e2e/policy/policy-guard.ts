import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Whether this run may write the browsers' system policy folders: only on a disposable CI machine (CI=true).
 * A policy there applies to every browser on the machine, so a developer's own browsers must never get one.
 */
export function policyTestAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true';
}

/** A system policy file this test wrote; `remove` deletes it and any folder created for it. */
export interface WrittenPolicy {
  file: string;
  remove(): void;
}

/** Raised instead of touching a system folder when the run is not allowed to, or the file is not ours to replace. */
export class PolicyWriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyWriteRefused';
  }
}

/** How {@link writeSystemPolicy} decides. */
export interface WriteOptions {
  env?: NodeJS.ProcessEnv;
  /** True when an existing file is a leftover of this test (safe to replace); other files are never replaced. */
  isLeftover?: (existing: unknown) => boolean;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Writes `content` as JSON to a system policy file, only when {@link policyTestAllowed}; world-readable, as browsers require. */
export function writeSystemPolicy(file: string, content: unknown, options: WriteOptions = {}): WrittenPolicy {
  if (!policyTestAllowed(options.env)) {
    throw new PolicyWriteRefused(`Refusing to write ${file}: system policies are written only where CI=true (a disposable machine).`);
  }
  if (existsSync(file) && !(options.isLeftover?.(readJson(file)) ?? false)) {
    throw new PolicyWriteRefused(`Refusing to replace ${file}: it holds a policy this test did not write. Move it away first.`);
  }
  let createdDir: string | undefined;
  try {
    // mkdirSync returns the first folder it had to create, so removal takes away exactly what was added.
    createdDir = mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
    writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    throw new PolicyWriteRefused(`Cannot write ${file}: system policy folders need root. Run this test as root on the CI machine.`);
  }
  let removed = false;
  return {
    file,
    remove() {
      if (removed) return;
      removed = true;
      rmSync(file, { force: true });
      if (createdDir) rmSync(createdDir, { recursive: true, force: true });
    },
  };
}
