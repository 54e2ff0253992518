// A worker thread of the parallel check: is told what to check against by its first message,
// then checks the chunks it is sent (see chunk.ts) and sends back the findings and the compact
// numbers the cross-row rules need. No file content leaves this thread other than through
// findings, which never hold a value.
import { parentPort } from 'node:worker_threads';
import { ChunkRunner } from './chunk.js';
import type { SentOutcome, WorkerMessage } from './parallel.js';

let runner: ChunkRunner | undefined;

parentPort!.on('message', (message: WorkerMessage) => {
  if ('init' in message) {
    runner = new ChunkRunner(message.init);
    return;
  }
  const outcome = runner!.run(message);
  const { result } = outcome;
  const sent: SentOutcome = { ...outcome, result: { ...result, events: JSON.stringify(result.events) } };
  // Copied, not transferred: the first buffer detached in a thread makes V8 throw away its compiled
  // code and add a check to every later typed array access. A chunk's numbers are some 64 kB.
  parentPort!.postMessage(sent);
});
