import { parseArgs } from "node:util";
import { CliError } from "./cliError.ts";
import { commonFlags, parseOptionsOf, type FlagTable } from "./help.ts";

/**
 * Joins a value-taking flag with a negative number after it (`--seed -1` -> `--seed=-1`), which
 * parseArgs would otherwise take for a flag, so the flag's own check names the bad value.
 */
function joinNegativeValues(args: string[], options: FlagTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : "";
    if (options[name]?.type === "string" && next !== undefined && /^-(\d|\.\d|Infinity)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * Parses a command's flags strictly against its flag table (the one its `--help` is made from),
 * plus the common flags: an unknown flag or a missing value is a CliError (exit 2).
 */
export function parseFlags<T extends FlagTable>(command: string, args: string[], table: T) {
  const options = parseOptionsOf({ ...table, ...commonFlags }) as T & typeof commonFlags;
  try {
    return parseArgs({ args: joinNegativeValues(args, table), options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new CliError(`kendall ${command}: unknown flag ${unknown[1]} (see kendall ${command} --help)`);
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
    if (missing) throw new CliError(`kendall ${command}: flag ${missing[1]} needs a value`);
    throw new CliError(`kendall ${command}: ${msg}`);
  }
}

/** A flag value as an integer within [min, max]; names the flag and the value when it is not. */
export function intFlag(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`--${name}: expected an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** A flag value as a finite number > min (or >= min when inclusive). */
export function numberFlag(name: string, value: string | undefined, min: number, inclusive = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || (inclusive ? n < min : n <= min)) {
    throw new CliError(`--${name}: expected a number ${inclusive ? ">=" : ">"} ${min}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Exactly one positional argument: the scenario file. */
export function fileArgument(command: string, positionals: string[]): string {
  if (positionals.length === 0) throw new CliError(`kendall ${command}: missing scenario FILE (usage: kendall ${command} FILE ...)`);
  if (positionals.length > 1) throw new CliError(`kendall ${command}: unexpected argument ${JSON.stringify(positionals[1])}`);
  return positionals[0]!;
}
