import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { addKeyToFile, createKeyring, keyFilePath, loadKeyring, pruneKeyFile } from './keyring';

const ID = '61030219800101123X';
const key = () => randomBytes(32);

describe('createKeyring', () => {
  it('encrypts and decrypts (round trip), with a fresh IV each time', () => {
    const ring = createKeyring(key());
    const a = ring.encrypt(ID);
    const b = ring.encrypt(ID);
    expect(a).not.toBe(b);
    expect(a.startsWith(`${ring.currentId}:`)).toBe(true);
    expect(a).not.toContain(ID);
    expect(ring.decrypt(a)).toBe(ID);
    expect(ring.decrypt(b)).toBe(ID);
    expect(ring.decrypt(ring.encrypt('张三 13812341234'))).toBe('张三 13812341234');
  });

  it('throws when the ciphertext, its IV or its tag was tampered with', () => {
    const ring = createKeyring(key());
    const stored = ring.encrypt(ID);
    const sep = stored.indexOf(':');
    const buf = Buffer.from(stored.slice(sep + 1), 'base64');
    for (const at of [0, 12, 28, buf.length - 1]) {
      const bad = Buffer.from(buf);
      bad[at] = bad[at]! ^ 0x01;
      expect(() => ring.decrypt(`${stored.slice(0, sep)}:${bad.toString('base64')}`), `byte ${at}`).toThrow();
    }
  });

  it('cannot decrypt under another key', () => {
    const stored = createKeyring(key()).encrypt(ID);
    const other = createKeyring(key());
    expect(() => other.decrypt(stored)).toThrow(/no key/);
    // Even under a forged key id, the authentication tag fails.
    const forged = `${other.currentId}:${stored.slice(stored.indexOf(':') + 1)}`;
    expect(() => other.decrypt(forged)).toThrow();
  });

  it('gives a stable blind index that is not the plain value and differs between keys and values', () => {
    const raw = key();
    const ring = createKeyring(raw);
    const idx = ring.blindIndex(ID);
    expect(ring.blindIndex(ID)).toBe(idx);
    expect(createKeyring(raw).blindIndex(ID)).toBe(idx); // same key, new process
    expect(idx).not.toContain(ID);
    expect(idx).not.toContain(ID.slice(0, 6));
    expect(ring.blindIndex('61030219800101124X')).not.toBe(idx);
    expect(createKeyring(key()).blindIndex(ID)).not.toBe(idx);
    expect(ring.blindIndexes(ID)).toEqual([idx]);
  });

  it("during a rotation, decrypts the old key's values and looks up both keys' indexes", () => {
    const oldRaw = key();
    const old = createKeyring(oldRaw);
    const oldStored = old.encrypt(ID);
    const oldIndex = old.blindIndex(ID);
    const ring = createKeyring(key(), [oldRaw]);
    expect(ring.currentId).not.toBe(old.currentId);
    expect(ring.ids()).toEqual([ring.currentId, old.currentId]);
    expect(ring.decrypt(oldStored)).toBe(ID);
    // New values go under the new key only.
    expect(ring.encrypt(ID).startsWith(`${ring.currentId}:`)).toBe(true);
    expect(ring.blindIndex(ID)).not.toBe(oldIndex);
    expect(ring.blindIndexes(ID)).toEqual([ring.blindIndex(ID), oldIndex]);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createKeyring(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('loadKeyring', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mz-keyring-test-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('creates a key file (mode 0600) on first run and reads the same key afterwards', () => {
    const dir = path.join(tmp(), 'data');
    const first = loadKeyring(dir, {});
    const file = keyFilePath(dir);
    expect(fs.existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadKeyring(dir, {});
    expect(again.currentId).toBe(first.currentId);
    expect(again.decrypt(first.encrypt(ID))).toBe(ID);
    expect(again.blindIndex(ID)).toBe(first.blindIndex(ID));
  });

  it('takes the key from the environment, with older keys during a rotation', () => {
    const cur = key();
    const old = key();
    const oldRing = createKeyring(old);
    const ring = loadKeyring(tmp(), {
      MINZHENG_DATA_KEY: cur.toString('base64'),
      MINZHENG_DATA_KEYS_OLD: ` ${old.toString('base64')} ,`,
    });
    expect(ring.currentId).toBe(createKeyring(cur).currentId);
    expect(ring.decrypt(oldRing.encrypt(ID))).toBe(ID);
    expect(ring.blindIndexes(ID)).toContain(oldRing.blindIndex(ID));
  });

  it('rotates through the key file: a new current key, the old one kept until pruned', () => {
    const dir = tmp();
    const before = loadKeyring(dir, {});
    const stored = before.encrypt(ID);
    const newId = addKeyToFile(dir);
    const during = loadKeyring(dir, {});
    expect(during.currentId).toBe(newId);
    expect(during.decrypt(stored)).toBe(ID);
    expect(during.blindIndexes(ID)).toContain(before.blindIndex(ID));
    pruneKeyFile(dir, []);
    const after = loadKeyring(dir, {});
    expect(after.ids()).toEqual([newId]);
    expect(() => after.decrypt(stored)).toThrow();
  });
});
