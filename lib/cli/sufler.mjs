#!/usr/bin/env node
// The `sufler` command. The CLI is TypeScript over the same lib/ modules the extension uses; tsx compiles
// it on the fly so there is no separate build step to forget.
import { register } from 'tsx/esm/api';

// `sufler … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv);
