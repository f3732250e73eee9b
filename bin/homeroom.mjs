#!/usr/bin/env node
import { importServerModule } from './run-ts.mjs';

const { runCli } = await importServerModule('src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
