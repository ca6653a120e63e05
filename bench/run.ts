// `npm run bench -- <scenario> [--pglite] [--seconds N]`
const scenarios: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  login: () => import('./login'),
  regions: () => import('./regions'),
  'registry-seed': () => import('./registry-seed'),
  'registry-search': () => import('./registry-search'),
  'registry-import': () => import('./registry-import'),
};

const [name, ...args] = process.argv.slice(2);
const names = name === 'all' || !name ? Object.keys(scenarios) : [name];
for (const n of names) {
  const load = scenarios[n];
  if (!load) {
    console.error(`unknown scenario ${n}; known: ${Object.keys(scenarios).join(', ')}, all`);
    process.exit(2);
  }
  await (await load()).run(args);
}
process.exit(0);
export {};
