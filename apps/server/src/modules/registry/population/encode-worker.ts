import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadKeyring } from '../../../platform/crypto/keyring';
import { encodeChunk, RowEncoder, type EncodedChunk } from './encode';
import { PopulationGenerator, type UuidBase, type Village } from './generate';

/**
 * An encoding worker: encryption of millions of values is the costly part of seeding, so it runs on several
 * threads. Every worker runs the same (deterministic) generator and encodes every n-th chunk; the loader
 * takes the chunks back in order. Keys come from the same place the server reads them (data folder or
 * MINZHENG_DATA_KEY), and the worker proves it holds the loader's keyring with a probe blind index.
 */
export interface EncoderData {
  kind: 'minzheng-population-encoder';
  keyDir: string;
  villages: Village[];
  scale: number;
  seed: number;
  chunkSize: number;
  householdNumbersUsed: [string, number][];
  uuidBase: UuidBase;
  index: number;
  of: number;
  /** Chunks a worker may have in flight before it waits for the loader. */
  credits: number;
}

export type EncoderMessage =
  { type: 'ready'; probe: string } | ({ type: 'chunk' } & EncodedChunk) | { type: 'done' };

export const KEYRING_PROBE = 'minzheng population probe';

async function runEncoder(data: EncoderData) {
  const port = parentPort!;
  const keyring = loadKeyring(data.keyDir);
  port.postMessage({ type: 'ready', probe: keyring.blindIndex(KEYRING_PROBE) } satisfies EncoderMessage);
  const encoder = new RowEncoder(keyring);
  const generator = new PopulationGenerator(data.villages, {
    scale: data.scale,
    seed: data.seed,
    chunkSize: data.chunkSize,
    householdNumbersUsed: new Map(data.householdNumbersUsed),
    uuidBase: data.uuidBase,
  });
  let credits = data.credits;
  let wake: (() => void) | null = null;
  port.on('message', (m: { credit: number }) => {
    credits += m.credit;
    wake?.();
  });
  let i = 0;
  for (const chunk of generator.chunks()) {
    if (i++ % data.of !== data.index) continue;
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    const c = encodeChunk(chunk, encoder);
    // Small buffers are slices of Node's shared pool: those are copied, never transferred.
    const own = (b: Uint8Array) =>
      b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
    const message = {
      type: 'chunk' as const,
      persons: own(c.persons),
      households: own(c.households),
      members: own(c.members),
      counts: c.counts,
    };
    port.postMessage(message satisfies EncoderMessage, [
      message.persons.buffer as ArrayBuffer,
      message.households.buffer as ArrayBuffer,
      message.members.buffer as ArrayBuffer,
    ]);
  }
  port.postMessage({ type: 'done' } satisfies EncoderMessage);
  port.close();
}

if (!isMainThread && (workerData as EncoderData | undefined)?.kind === 'minzheng-population-encoder')
  void runEncoder(workerData as EncoderData);
