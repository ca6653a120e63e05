import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for sensitive personal data (ID numbers, phones, bank accounts): AES-256-GCM with a
 * random 96-bit IV, stored as `<key id>:<base64 iv|tag|ciphertext>`; and a blind index (HMAC-SHA256 under a key
 * derived from the data key) for exact look-up without decrypting.
 *
 * Keys: MINZHENG_DATA_KEY (base64, 32 bytes), with earlier keys in MINZHENG_DATA_KEYS_OLD (comma-separated)
 * during a rotation; otherwise a key file `keys.json` created (mode 0600) in the data folder on first run.
 * Losing the key loses the data: back the key file up apart from the database.
 */
export interface Keyring {
  currentId: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Blind index under the current key (what new rows store). */
  blindIndex(value: string): string;
  /** Blind indexes under every key in the ring (look-ups during a rotation match rows of either key). */
  blindIndexes(value: string): string[];
  ids(): string[];
}

interface Key {
  id: string;
  enc: Buffer;
  mac: Buffer;
}

function keyFrom(raw: Buffer): Key {
  if (raw.length !== 32) throw new Error('a data key is 32 bytes (base64 of 32 random bytes)');
  const id = createHash('sha256').update(raw).digest('hex').slice(0, 8);
  const mac = Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'minzheng blind index', 32));
  const enc = Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'minzheng field encryption', 32));
  return { id, enc, mac };
}

/** IVs come from a pooled CSPRNG buffer: one randomBytes call per 4 KiB instead of one per value (bulk loads). */
let pool = Buffer.alloc(0);
let poolAt = 0;
function iv12(): Buffer {
  if (poolAt + 12 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  poolAt += 12;
  return Buffer.from(pool.subarray(poolAt - 12, poolAt));
}

export function createKeyring(current: Buffer, older: Buffer[] = []): Keyring {
  const cur = keyFrom(current);
  const all = new Map<string, Key>([
    [cur.id, cur],
    ...older.map((k) => keyFrom(k)).map((k) => [k.id, k] as const),
  ]);
  const mac = (k: Key, v: string) => createHmac('sha256', k.mac).update(v).digest('base64url');
  return {
    currentId: cur.id,
    encrypt(plain) {
      const iv = iv12();
      const cipher = createCipheriv('aes-256-gcm', cur.enc, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${cur.id}:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
    },
    decrypt(stored) {
      const sep = stored.indexOf(':');
      const key = all.get(stored.slice(0, sep));
      if (!key) throw new Error(`no key ${stored.slice(0, sep)} in the keyring`);
      const buf = Buffer.from(stored.slice(sep + 1), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key.enc, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex: (v) => mac(cur, v),
    blindIndexes: (v) => [...all.values()].map((k) => mac(k, v)),
    ids: () => [...all.keys()],
  };
}

interface KeyFile {
  current: string;
  keys: Record<string, string>;
}

export function keyFilePath(dataDir: string) {
  return path.join(dataDir, 'keys.json');
}

/** The product's keyring: from the environment, or from (and on first run into) the data folder's key file. */
export function loadKeyring(dataDir: string, env: NodeJS.ProcessEnv = process.env): Keyring {
  if (env.MINZHENG_DATA_KEY) {
    const older = (env.MINZHENG_DATA_KEYS_OLD ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => Buffer.from(s, 'base64'));
    return createKeyring(Buffer.from(env.MINZHENG_DATA_KEY, 'base64'), older);
  }
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const k = randomBytes(32);
    const id = keyFrom(k).id;
    const content: KeyFile = { current: id, keys: { [id]: k.toString('base64') } };
    fs.writeFileSync(file, JSON.stringify(content, null, 2), { mode: 0o600, flag: 'wx' });
  }
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  const current = content.keys[content.current];
  if (!current) throw new Error(`${file}: current key ${content.current} missing`);
  const older = Object.entries(content.keys)
    .filter(([id]) => id !== content.current)
    .map(([, k]) => Buffer.from(k, 'base64'));
  return createKeyring(Buffer.from(current, 'base64'), older);
}

/** Adds a new current key to the key file (the rotation command then re-encrypts every row). */
export function addKeyToFile(dataDir: string): string {
  const file = keyFilePath(dataDir);
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  const k = randomBytes(32);
  const id = keyFrom(k).id;
  content.keys[id] = k.toString('base64');
  content.current = id;
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(content, null, 2), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
  return id;
}

/** Drops keys no row uses any more, after a rotation finished. */
export function pruneKeyFile(dataDir: string, keep: string[]) {
  const file = keyFilePath(dataDir);
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  for (const id of Object.keys(content.keys))
    if (id !== content.current && !keep.includes(id)) delete content.keys[id];
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(content, null, 2), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}
