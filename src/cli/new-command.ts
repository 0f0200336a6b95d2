/** `hindsight new "Title" [--date YYYY-MM-DD] [--dir DIR]`: start a postmortem from the template. */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { createFileExclusive } from '../core/atomic-write.ts';
import { slugify } from '../core/slug.ts';
import { renderTemplate } from '../templates/postmortem.ts';
import { loadCliConfig, UsageError, type CliIo } from './io.ts';

/** Today's date on the local clock, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function checkDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new UsageError(`--date expects a calendar date as YYYY-MM-DD, not \`${value}\``);
  }
  return value.trim();
}

export function registerNew(program: Command, io: CliIo): void {
  program
    .command('new')
    .description('create a postmortem from the template, named YYYY-MM-DD-title.md, and print its path')
    .argument('<title>', 'the incident title')
    .option('-d, --date <date>', 'date of the incident, YYYY-MM-DD (default: today)')
    .option('--dir <dir>', 'folder to create it in (default: the configured content folder)')
    .option('-c, --config <file>', 'config file (default: hindsight.config.* or package.json "hindsight")')
    .action((title: string, options: { date?: string; dir?: string; config?: string }) => {
      const name = title.trim();
      if (!name) throw new UsageError('the title is empty; give the incident a title, such as "Database failover"');
      if (/[\r\n]/.test(name)) throw new UsageError('the title must be one line');
      const date = options.date !== undefined ? checkDate(options.date) : today();
      const config = loadCliConfig(io, options.config);
      const dir = resolve(io.cwd, options.dir ?? config.content);
      const file = join(dir, `${date}-${slugify(name).slice(0, 80).replace(/-+$/, '')}.md`);
      const shown = relative(io.cwd, file).startsWith('..') ? file : relative(io.cwd, file);
      try {
        mkdirSync(dir, { recursive: true });
        createFileExclusive(file, renderTemplate({ title: name, date }, config));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        io.stderr(code === 'EEXIST'
          ? `hindsight: ${shown} already exists; it was left as it is (choose another title or --date)`
          : `hindsight: cannot create ${shown} (${code ?? (error as Error).message})`);
        io.exitCode = 1;
        return;
      }
      io.stdout(shown);
      io.exitCode = 0;
    });
}
