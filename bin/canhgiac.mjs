#!/usr/bin/env node
// Entry point of the `canhgiac` command. The project runs its TypeScript through tsx
// (see docs/decisions/0002-run-typescript-with-tsx.md), so there is no build step for the server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
