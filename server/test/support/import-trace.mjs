// `node --import ./import-trace.mjs …` appends the URL of every module the process imports
// (ESM resolution, which every package our code imports goes through) to $IMPORT_TRACE_FILE.
// cli-startup.test.ts uses it to see what a command loads without timing anything.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// Node 20 runs loader hooks on their own thread: the main thread registers this file there.
if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.IMPORT_TRACE_FILE) appendFileSync(process.env.IMPORT_TRACE_FILE, `${resolved.url}\n`);
  return resolved;
}
