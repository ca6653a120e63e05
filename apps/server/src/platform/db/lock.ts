import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite takes no lock on its data folder and two writers silently lose writes, so the folder is
 * claimed with a lock file holding the owner's PID. A lock whose process is gone is stale and taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `数据目录已被进程 ${pid} 占用 / The data folder is in use by process ${pid} (${lockFile}). ` +
        'Stop that process or set DATA_DIR to another folder.',
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'minzheng.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (pid && processAlive(pid)) throw new DataDirLockedError(file, pid);
      fs.unlinkSync(file); // stale: its owner is gone
    }
  }
  throw new Error(`could not lock ${file}`);
}
