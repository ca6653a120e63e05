import type { FastifyInstance } from 'fastify';
import { registryExcelRoutes, registryRoutes } from './registry';

/**
 * The composition root's list of business modules: each contributes its Fastify plugin (its public face).
 * Domains arrive with their issues (registry, assistance, community …).
 */
export const modulePlugins: Array<(app: FastifyInstance) => Promise<void>> = [
  registryRoutes,
  registryExcelRoutes,
];
