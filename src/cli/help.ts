import type { ParseArgsConfig } from "node:util";

type ParseOptions = NonNullable<ParseArgsConfig["options"]>;

/** One flag of a command: what the parser needs, and what `kendall CMD --help` says about it. */
export interface FlagSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in the help (`N`, `URL`); string flags only. */
  arg?: string;
  /** What it means, one short sentence (the help line stays under 100 columns). */
  help: string;
  /** The default when the flag is not given, as the help shows it. */
  defaultText?: string;
}

/** A command's flags, declared once: the parser reads `type`, `short`, `multiple`; the help the rest. */
export type FlagTable = Record<string, FlagSpec>;

/** Keeps the literal types of a flag table, so the parsed values are typed per flag. */
export function defineFlags<const T extends FlagTable>(table: T): T {
  return table;
}

/** Flags every command accepts besides its own (parseFlags adds them; main handles --help). */
export const commonFlags = defineFlags({
  debug: { type: "boolean", help: "on an error, also print the stack trace" },
  help: { type: "boolean", short: "h", help: "print this help and exit 0" },
});

/** What `kendall CMD --help` prints about a command, beside its flag table. */
export interface CommandHelp {
  name: string;
  /** The usage line, also shown by `kendall --help`. */
  usage: string;
  /** The one-line summary of `kendall --help`. */
  summary: string;
  /** A sentence or two on what the command does. */
  about: string;
  flags: FlagTable;
  /** Extra lines after the flags (a grammar, a note). */
  notes?: string[];
  exitCodes: string;
  /** Taken from README.md's "Command line" section. */
  examples: string[];
}

/** The options `parseArgs` takes, from a flag table (help fields left out). */
export function parseOptionsOf(table: FlagTable): ParseOptions {
  const out: ParseOptions = {};
  for (const [name, f] of Object.entries(table)) {
    out[name] = { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) };
  }
  return out;
}

const WIDTH = 99;

/** Splits at spaces outside brackets and parentheses, so `[--growth 1,1.5,2]` stays whole. */
function words(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let word = "";
  for (const ch of text) {
    if (ch === "[" || ch === "(") depth++;
    if (ch === "]" || ch === ")") depth = Math.max(0, depth - 1);
    if (/\s/.test(ch) && depth === 0) {
      if (word) out.push(word);
      word = "";
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** Wraps words to `width` columns, continuation lines indented by `indent`. */
function wrap(text: string, width: number, indent: string, first = ""): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of words(text)) {
    const bare = line === first || line === indent;
    if (!bare && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = bare ? line + word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

function flagLabel(name: string, f: FlagSpec): string {
  const long = `--${name}${f.type === "string" ? ` ${f.arg ?? "VALUE"}` : ""}`;
  return f.short ? `-${f.short}, ${long}` : `    ${long}`;
}

/** The text of `kendall CMD --help`: usage, what it does, every flag, exit codes, examples. */
export function formatCommandHelp(c: CommandHelp): string {
  const flags: FlagTable = { ...c.flags, ...commonFlags };
  const labels = Object.entries(flags).map(([name, f]) => [flagLabel(name, f), f] as const);
  const column = Math.max(...labels.map(([l]) => l.length)) + 4;
  const out = [...wrap(c.usage, WIDTH, "         ", "usage: "), "", ...wrap(c.about, WIDTH, ""), "", "flags:"];
  for (const [label, f] of labels) {
    const text = f.defaultText === undefined ? f.help : `${f.help} (default ${f.defaultText})`;
    out.push(`  ${label}`.padEnd(column) + text);
  }
  if (c.notes?.length) out.push("", ...c.notes.flatMap((note) => wrap(note, WIDTH, "  ")));
  out.push("", ...wrap(`exit codes: ${c.exitCodes}`, WIDTH, "  "), "", "examples:", ...c.examples.map((e) => `  ${e}`));
  return out.join("\n") + "\n";
}
