import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { registrableDomainOf } from './registrable-domain';
import { SITE_INDEX_KEY as KEY, type KeyValueArea } from '../storage';


interface StoredIndex {
  salt: string;
  hashes: string[];
}

function hashSite(salt: string, site: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${salt}|${site}`))).slice(0, 32);
}

/**
 * The key under which a registrable-domain binding is indexed: scheme, registrable domain (private suffixes
 * such as github.io count as public, as in the fill rule) and port, so the index is never wider than the rule.
 */
function domainKey(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    const domain = registrableDomainOf(url.hostname);
    return url.protocol === 'https:' && domain ? `domain:${domain}:${url.port}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A salted-hash index of the sites accounts are bound to, kept beside the encrypted vault so a locked
 * vault can still say "unlock to fill" on a bound site, and nothing at all elsewhere, without storing
 * the site list in the clear.
 */
export function createSiteIndex(local: KeyValueArea) {
  const load = async (): Promise<StoredIndex | undefined> => (await local.get(KEY))[KEY] as StoredIndex | undefined;
  return {
    /** Rebuilds the index from the accounts' bindings. */
    async rebuild(accounts: Array<{ sites: string[]; matchRegistrableDomain: boolean }>): Promise<void> {
      const salt = (await load())?.salt ?? bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
      const hashes = new Set<string>();
      for (const account of accounts) {
        for (const site of account.sites) {
          hashes.add(hashSite(salt, site));
          const key = account.matchRegistrableDomain ? domainKey(site) : undefined;
          if (key) hashes.add(hashSite(salt, key));
        }
      }
      await local.set({ [KEY]: { salt, hashes: [...hashes].sort() } });
    },
    /** Whether some account may be bound to `origin` (exactly, or by its registrable domain). */
    async mayBeBound(origin: string): Promise<boolean> {
      const index = await load();
      if (!index) return false;
      const key = domainKey(origin);
      return index.hashes.includes(hashSite(index.salt, origin)) || (!!key && index.hashes.includes(hashSite(index.salt, key)));
    },
  };
}
