import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN, call, MASTER_KEY, type ApiResponse } from './gateway.js';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');

/** The built gateway in a process of its own, as production runs it: to be killed and restarted in tests. */
export class GatewayProcess {
  private child: ChildProcess | null = null;
  url = '';
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<this> {
    this.output = '';
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
        GATEWAY_MASTER_KEY: MASTER_KEY,
        ENDPOINTS_ALLOW_PRIVATE: 'true',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${this.output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const m = /"url":"(http:\/\/[^"]+)".*im-gateway listening/.exec(this.output);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('exit', (code) => reject(new Error(`gateway exited with ${code}:\n${this.output}`)));
    });
    return this;
  }

  call<T = any>(
    method: string,
    path: string,
    options: Parameters<typeof call>[3] = {},
  ): Promise<ApiResponse<T>> {
    return call<T>(this.url, method, path, options);
  }

  /**
   * Freezes the process for `ms` (SIGSTOP, then SIGCONT), as CPU starvation or a long pause would: nothing
   * of it runs meanwhile, while the vendors it talks to carry on.
   */
  async freeze(ms: number): Promise<void> {
    const child = this.child;
    if (!child?.pid) throw new Error('the gateway is not running');
    process.kill(child.pid, 'SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, ms));
    process.kill(child.pid, 'SIGCONT');
  }

  /** Kills the process without warning (a crash), or stops it gracefully. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
