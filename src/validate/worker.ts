// A worker thread of the parallel check: checks the chunks it is sent (see chunk.ts) and sends
// back the findings and the compact numbers the cross-row rules need. No file content leaves
// this thread other than through findings, which never hold a value.
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkRunner, type ChunkRunnerInit } from './chunk.js';
import type { ChunkJob, SentOutcome } from './parallel.js';

const runner = new ChunkRunner(workerData as ChunkRunnerInit);

parentPort!.on('message', (message: ChunkJob | 'close') => {
  if (message === 'close') {
    runner.close();
    parentPort!.close();
    return;
  }
  const outcome = runner.run(message);
  const { result } = outcome;
  const sent: SentOutcome = { ...outcome, result: { ...result, events: JSON.stringify(result.events) } };
  parentPort!.postMessage(sent, [result.ops.buffer as ArrayBuffer]);
});
