/** Exit codes of the `kendall` command (DESIGN.md, "Command line"). */
export const ExitCode = {
  ok: 0,
  failure: 1,
  badInput: 2,
  brokerUnreachable: 3,
} as const;

/** An error the command line reports as one line on stderr with a stable exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = ExitCode.badInput) {
    super(message);
    this.name = "CliError";
  }
}

/** One line, at most 300 characters, no control characters: what stderr shows. */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = message.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
