// Architecture rules of the server as one ESLint rule (see ARCHITECTURE.md):
// - platform/ never imports modules/ (the kernel knows no business domain);
// - a module imports another module only through its public face, modules/<name>/index.ts;
// - server code never imports the web app, and the web app never imports the server.
import path from 'node:path';

const norm = (p) => p.split(path.sep).join('/');

function resolveTarget(file, source) {
  if (source.startsWith('.')) return norm(path.resolve(path.dirname(file), source));
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Minzheng layer and module boundaries' },
    messages: {
      platformToModule:
        'platform/ must not import modules/ ({{source}}): modules register with the platform, not the reverse.',
      deepModule:
        "Import module '{{module}}' only through its public face (modules/{{module}}/index.ts), not {{source}}.",
      serverToWeb: 'Server code must not import the web app ({{source}}).',
      webToServer: 'The web app must not import server code ({{source}}); share through @minzheng/contracts.',
    },
    schema: [],
  },
  create(context) {
    const file = norm(context.filename);
    const inServer = file.includes('/apps/server/');
    const inWeb = file.includes('/apps/web/');
    const inPlatform = file.includes('/apps/server/src/platform/');
    const ownModule = file.match(/\/apps\/server\/src\/modules\/([^/]+)\//)?.[1] ?? null;
    // Tests and benchmarks exercise a module's internals on purpose; production code may not.
    const isTest = /\/apps\/server\/test\/|\.test\.ts$|\/bench\//.test(file);

    function check(node, source) {
      if (typeof source !== 'string') return;
      if (inServer && (source.includes('apps/web') || source.startsWith('@minzheng/web')))
        return context.report({ node, messageId: 'serverToWeb', data: { source } });
      if (inWeb && (source.includes('apps/server') || source.startsWith('@minzheng/server')))
        return context.report({ node, messageId: 'webToServer', data: { source } });
      const target = resolveTarget(file, source);
      if (!target) return;
      if (inPlatform && target.includes('/apps/server/src/modules'))
        return context.report({ node, messageId: 'platformToModule', data: { source } });
      const m = target.match(/\/apps\/server\/src\/modules\/([^/]+)(\/.*)?$/);
      if (!isTest && m && m[1] !== ownModule && m[2] && m[2] !== '/index' && m[2] !== '/index.ts')
        context.report({ node, messageId: 'deepModule', data: { source, module: m[1] } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
