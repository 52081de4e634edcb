export * from './domain.ts';
export * from './commands.ts';
export type * from './api.ts';
export * from './validate.ts';
export * from './web-protocol.ts';
export * from './reply-kinds.ts';
export * from './updates.ts';
export * from './command-lines.ts';
