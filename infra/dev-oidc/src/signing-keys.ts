import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';

/** The realm's keys: RS256 for access and ID tokens (published in the JWKS), HS512 for refresh tokens. */
export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as published at `/protocol/openid-connect/certs`. */
  publicJwk: JWK;
  /** The public key as Keycloak shows it at `/realms/{realm}`: base64 SPKI without PEM armour. */
  publicKeyBase64: string;
  /** Refresh tokens are only read back by the dev server itself, so, like Keycloak, it signs them with HMAC. */
  hmacSecret: Uint8Array;
}

interface KeyFile {
  version: 1;
  rsa: JWK;
  hmac: string;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/**
 * Loads the keys from `file`, or generates them and writes the file (mode 0600) on first start, so that a
 * restarted dev server still accepts the tokens it issued before. Without a file the keys live in memory.
 */
export async function loadOrCreateSigningKeys(file?: string): Promise<SigningKeys> {
  if (!file) return fromKeyFile(await generateKeyFile());
  const existing = await readKeyFile(file);
  if (existing) return fromKeyFile(existing);
  const created = await generateKeyFile();
  return fromKeyFile((await writeKeyFileOnce(file, created)) ?? created);
}

async function generateKeyFile(): Promise<KeyFile> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return { version: 1, rsa: await exportJWK(privateKey), hmac: randomBytes(64).toString('base64url') };
}

async function readKeyFile(file: string): Promise<KeyFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<KeyFile>;
  if (parsed.version !== 1 || parsed.rsa?.kty !== 'RSA' || !parsed.rsa.d || typeof parsed.hmac !== 'string') {
    throw new Error(
      `${file} is not a dev-oidc key file; delete it to generate a new key (tokens issued with the old key become invalid)`,
    );
  }
  return parsed as KeyFile;
}

/**
 * Writes the file under a temporary name and hard-links it into place, which fails if another process
 * got there first; then that process's key wins and is returned, so two servers never disagree.
 */
async function writeKeyFileOnce(file: string, keys: KeyFile): Promise<KeyFile | undefined> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify(keys), { mode: 0o600 });
  try {
    await link(temporary, file);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(file);
  } finally {
    await unlink(temporary);
  }
}

async function fromKeyFile(keys: KeyFile): Promise<SigningKeys> {
  const privateKey = (await importJWK(keys.rsa, 'RS256')) as CryptoKey;
  const publicMembers: JWK = { ...keys.rsa };
  for (const member of PRIVATE_MEMBERS) delete publicMembers[member];
  const kid = await calculateJwkThumbprint(publicMembers);
  const publicJwk: JWK = { kid, kty: 'RSA', alg: 'RS256', use: 'sig', n: publicMembers.n, e: publicMembers.e };
  const publicKey = (await importJWK(publicJwk, 'RS256')) as CryptoKey;
  const publicKeyBase64 = (await exportSPKI(publicKey)).replace(/-----(BEGIN|END) PUBLIC KEY-----|\s/g, '');
  return { kid, privateKey, publicJwk, publicKeyBase64, hmacSecret: Buffer.from(keys.hmac, 'base64url') };
}
