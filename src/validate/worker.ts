// A worker thread of the parallel check: checks the chunks it is sent (see chunk.ts) and sends
// back the findings and the compact numbers the cross-row rules need. No file content leaves
// this thread other than through findings, which never hold a value.
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkRunner, type ChunkRunnerInit } from './chunk.js';
import type { ChunkJob } from './parallel.js';

const runner = new ChunkRunner(workerData as ChunkRunnerInit);

parentPort!.on('message', (message: ChunkJob | 'close') => {
  if (message === 'close') {
    runner.close();
    parentPort!.close();
    return;
  }
  const outcome = runner.run(message);
  parentPort!.postMessage(outcome, [outcome.result.ops.buffer as ArrayBuffer]);
});
