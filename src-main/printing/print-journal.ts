// Main's memory of which print jobs it has sent, so one job id prints at most once:
//   - `sending` is written before the first byte leaves; `done` or `not-sent` when the driver answers.
//   - A job id found `done` is answered "done" again without printing.
//   - A job id found `sending` or `unknown` (the app stopped mid-send, or the connection broke after
//     bytes left) is answered "failed, not retryable": it may be on the label already, so only a
//     packer who looked at the printer may print it again (a reprint is a new job id).
//   - A job id found `voided` (its carton's label and SSCC were voided: a cancelled order) never
//     prints, whether it printed before or not.
// JSON lines in the station data dir; the last line for a job id wins.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const JournalEntry = z.object({
  jobId: z.string(),
  state: z.enum(['sending', 'done', 'not-sent', 'unknown', 'voided']),
  at: z.string(),
});
export type JournalState = z.infer<typeof JournalEntry>['state'];

const KEEP_ENTRIES = 5000;

export class PrintJournal {
  private readonly states = new Map<string, JournalState>();

  constructor(private readonly path: string) {}

  async load(): Promise<void> {
    let raw = '';
    try {
      raw = await readFile(this.path, 'utf8');
    } catch {
      return;
    }
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JournalEntry.safeParse(JSON.parse(line));
        if (entry.success) this.states.set(entry.data.jobId, entry.data.state);
      } catch {
        // A line cut short by a crash is the last one; what came before still counts.
      }
    }
    if (this.states.size > KEEP_ENTRIES) {
      const kept = [...this.states].slice(-KEEP_ENTRIES);
      this.states.clear();
      for (const [jobId, state] of kept) this.states.set(jobId, state);
    }
    await mkdir(dirname(this.path), { recursive: true });
    const at = new Date().toISOString();
    await writeFile(
      this.path,
      [...this.states]
        .map(([jobId, state]) => `${JSON.stringify({ jobId, state, at })}\n`)
        .join(''),
    );
  }

  state(jobId: string): JournalState | undefined {
    return this.states.get(jobId);
  }

  async record(jobId: string, state: JournalState): Promise<void> {
    this.states.delete(jobId);
    this.states.set(jobId, state);
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(
      this.path,
      `${JSON.stringify({ jobId, state, at: new Date().toISOString() })}\n`,
    );
  }
}
