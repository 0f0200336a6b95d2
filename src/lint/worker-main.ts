/** The work of a lint worker thread: lint each batch of files it is sent and send the outcomes back. */
import type { Config } from '../../schemas/config.ts';
import { serveBatches, workerSetup } from '../core/thread-pool.ts';
import { fileProcessor, lintFile } from './file-lint.ts';
import type { RuleLevel } from './rule.ts';

/** What the main thread gives each worker when it starts. */
export interface WorkerSetup {
  config: Config;
  levels: [string, RuleLevel][];
  cwd: string;
}

const setup = workerSetup<WorkerSetup>();
const processor = fileProcessor(new Map(setup.levels));

serveBatches((files: string[]) => files.map((file) => lintFile(file, setup.config, processor, setup.cwd)));
