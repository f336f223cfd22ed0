/** Fake Discord for end-to-end tests (documentation is being written). */
export * from './server.ts';
export * from './openapi-validator.ts';
export * from './limits.ts';
export * from './mentions.ts';
export * from './network-guard.ts';
export * from './recorder.ts';
export * from './rest.ts';
export * from './gateway.ts';
export * from './payloads.ts';
export * from './messages.ts';
export * from './snowflake.ts';
export * from './world.ts';
