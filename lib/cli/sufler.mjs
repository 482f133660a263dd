#!/usr/bin/env node
// The `sufler` command. The CLI is TypeScript over the same lib/ modules the extension uses; tsx compiles
// it on the fly so there is no separate build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv);
