/* global process, setImmediate */
// Preloaded into the processes of an end-to-end test: SIGUSR2 makes a process crash as a bug
// would, with an uncaught exception (Node's exit code 1).
process.on('SIGUSR2', () => {
  setImmediate(() => {
    throw new Error('a bug this shard met');
  });
});
