/** Where a command writes, so commands run the same in a test as in a terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Directory that relative paths are resolved against. */
  cwd: string;
  /** Wall clock in ms. */
  clock(): number;
}
