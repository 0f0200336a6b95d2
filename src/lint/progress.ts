/** A progress bar for large lint runs, on standard error and only when it is a terminal. */

/** Runs smaller than this finish before a bar would be worth drawing. */
export const progressThreshold = 100;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const none: Progress = { update() {}, stop() {} };

/** A bar on `stream` when it is a TTY and the run is large; otherwise nothing. */
export async function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Promise<Progress> {
  if (!stream.isTTY || total < progressThreshold) return none;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'hindsight lint [{bar}] {value}/{total} files',
    clearOnComplete: true,
    hideCursor: true,
    fps: 10,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return {
    update(done) {
      bar.update(done);
    },
    stop() {
      bar.stop();
    },
  };
}
