// The processes `npm start` runs, and what happens when one stops. The central OMS may go down
// and come back while the station keeps running (that is how offline work is tried: the station
// works on, and syncs when the central OMS is back). The station, and the build before it, must
// keep running: if one stops, everything stops.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

export interface Program {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface ProductProcessesOptions {
  central: Program;
  /** Where the children's output goes: the terminal for `npm start`, a pipe in tests. */
  stdio?: StdioOptions;
  log?: (line: string) => void;
  /** After everything stopped because a process that must keep running stopped. */
  onStopped?: (code: number) => void;
  /** How long a process is given to finish after SIGTERM before SIGKILL. */
  graceMs?: number;
  /** How the user starts the central OMS again, said when it stopped on its own. */
  restartHint?: string;
  /** After any process exited (a Node child restores the terminal mode it started with). */
  afterExit?: () => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function finished(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export class ProductProcesses {
  private readonly children = new Set<ChildProcess>();
  private central: ChildProcess | undefined;
  private stopping: Promise<void> | undefined;
  private readonly log: (line: string) => void;
  private readonly graceMs: number;

  constructor(private readonly options: ProductProcessesOptions) {
    this.log = options.log ?? ((line) => console.log(line));
    this.graceMs = options.graceMs ?? 8000;
  }

  get centralRunning(): boolean {
    return this.central !== undefined && isRunning(this.central);
  }

  /** The central OMS's process while it runs (tests kill it as a crash would). */
  get centralProcess(): ChildProcess | undefined {
    return this.centralRunning ? this.central : undefined;
  }

  /** Starts the central OMS unless it runs. When it stops, for whatever reason, nothing else does. */
  startCentral(): void {
    if (this.stopping || this.centralRunning) return;
    const child = this.spawn(this.options.central);
    this.central = child;
    child.on('exit', (code, signal) => {
      if (this.stopping || child.killed) return;
      const hint = this.options.restartHint ? `. ${this.options.restartHint}` : '';
      this.log(
        `[start] central OMS stopped (${signal ?? `exit ${code}`}); the station keeps running and works offline${hint}`,
      );
    });
  }

  /** Stops the central OMS on purpose (the station keeps running); resolves once it has exited. */
  async stopCentral(): Promise<void> {
    const child = this.central;
    if (!child || !isRunning(child)) return;
    await this.terminate([child]);
  }

  /** The `c` key: the central OMS down when it runs, up when it does not. */
  async toggleCentral(): Promise<'started' | 'stopped'> {
    if (this.centralRunning) {
      this.log('[start] stopping the central OMS; the station keeps running (press c to start it)');
      await this.stopCentral();
      this.log('[start] central OMS stopped');
      return 'stopped';
    }
    this.log('[start] starting the central OMS');
    this.startCentral();
    return 'started';
  }

  /** Starts a process that must keep running (the station, a build step): if it stops, all stop. */
  startEssential(name: string, program: Program): ChildProcess | undefined {
    if (this.stopping) return undefined;
    const child = this.spawn(program);
    child.on('exit', (code, signal) => {
      if (this.stopping) return;
      this.log(`[start] ${name} stopped (${signal ?? `exit ${code}`}); stopping everything`);
      void this.stopAll().then(() => this.options.onStopped?.(code ?? 1));
    });
    return child;
  }

  /** A process that may finish (the station build): stopped with the rest if still running. */
  track(child: ChildProcess): void {
    this.children.add(child);
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** SIGTERM to every process, SIGKILL to those still running after the grace time. */
  stopAll(): Promise<void> {
    this.stopping ??= this.terminate([...this.children]);
    return this.stopping;
  }

  private spawn(program: Program): ChildProcess {
    const child = spawn(program.command, program.args, {
      stdio: this.options.stdio ?? ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...program.env },
    });
    this.children.add(child);
    child.once('exit', () => {
      this.children.delete(child);
      this.options.afterExit?.();
    });
    return child;
  }

  private async terminate(children: ChildProcess[]): Promise<void> {
    const alive = children.filter(isRunning);
    for (const child of alive) child.kill('SIGTERM');
    await Promise.race([Promise.all(alive.map(finished)), sleep(this.graceMs)]);
    for (const child of alive.filter(isRunning)) child.kill('SIGKILL');
    await Promise.all(alive.map(finished));
  }
}
