export * from './common';
export * from './auth';
export * from './users';
export * from './regions';
export * from './jobs';
export * from './audit';
export * from './calendar';
export * from './registry';
