import { Logger } from '@nestjs/common';

/**
 * Keeps the leases of the rows this process is attempting alive: every `everyMs`, one statement extends all
 * of them to `leaseMs` from now. Leases can so be short (a dead process's claims end within seconds) while
 * an attempt may take as long as its timeout.
 */
export class LeaseKeeper {
  private readonly logger: Logger;
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    kind: string,
    private readonly leaseMs: number,
    private readonly everyMs: number,
    private readonly renew: (ids: string[], lockUntil: string) => Promise<void>,
  ) {
    this.logger = new Logger(`LeaseKeeper:${kind}`);
  }

  hold(id: string): void {
    this.held.add(id);
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
  }

  release(id: string): void {
    this.held.delete(id);
    if (this.held.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private async tick(): Promise<void> {
    if (this.held.size === 0) return;
    try {
      await this.renew([...this.held], new Date(Date.now() + this.leaseMs).toISOString());
    } catch (error) {
      this.logger.warn({ err: error }, 'leases not renewed');
    }
  }
}
