import fs from 'node:fs';

/** Debian's Chromium (playwright cannot download its own browser here). CHROMIUM_PATH overrides. */
export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && fs.existsSync(p)) ?? null;
}
