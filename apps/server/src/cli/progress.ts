/** A one-line progress bar on stderr, redrawn in place on a terminal and printed every 10 % otherwise. */
export function progressPrinter(label: string) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const bar = '#'.repeat(Math.round(ratio * width)).padEnd(width, '.');
    const line = `${label} [${bar}] ${done}/${total}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else if (Math.floor(ratio * 10) !== lastTenth) {
      lastTenth = Math.floor(ratio * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}
