/**
 * Simulated seconds that follow the wall clock at `speed` times real time, and can be paused.
 * The wall clock is injected (`performance.now` in the page, a fake in tests).
 */
export class WallClock {
  private baseSim = 0;
  private baseWallMs: number;
  private running = false;

  constructor(private speedFactor: number, private readonly wallMs: () => number = () => performance.now()) {
    this.baseWallMs = wallMs();
  }

  /** Simulated time now (s). */
  now(): number {
    return this.running ? this.baseSim + ((this.wallMs() - this.baseWallMs) / 1000) * this.speedFactor : this.baseSim;
  }

  get speed(): number {
    return this.speedFactor;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Changes the speed without a jump in simulated time. */
  setSpeed(speed: number): void {
    this.rebase();
    this.speedFactor = speed;
  }

  start(): void {
    this.rebase();
    this.running = true;
  }

  pause(): void {
    this.rebase();
    this.running = false;
  }

  private rebase() {
    this.baseSim = this.now();
    this.baseWallMs = this.wallMs();
  }
}
