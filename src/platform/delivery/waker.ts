/**
 * A sleep that ends early when poked: the dispatcher sleeps until the next poll or pacing slot,
 * and a finished send or a stop request wakes it at once instead of waiting out the timer.
 */
export class Waker {
  private pending?: { resolve: () => void; timer: NodeJS.Timeout };

  sleep(ms: number): Promise<void> {
    this.wake();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), Math.max(0, Math.ceil(ms)));
      this.pending = { resolve, timer };
    });
  }

  wake(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve();
  }
}
