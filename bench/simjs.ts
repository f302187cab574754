/**
 * The benchmark workloads written in simjs (https://github.com/btelles/simjs-updated, npm
 * `simjs` 2.0.3), the fastest JavaScript discrete-event library we know: the baseline the
 * engine must beat by 4x.
 *
 * Loading: simjs's npm build (`node_modules/simjs/sim.js`) is a browserify bundle whose entry
 * module exports nothing; it only does `if (typeof window !== 'undefined') window.Sim = {...}`.
 * So `require("simjs")` (and `import`) give an empty object in Node. We read the file and
 * evaluate it with `vm.runInThisContext` inside a function that takes a fake `window`: the code
 * runs in this realm (no cross-context `instanceof` or slow globals) and keeps its file name, so
 * CPU profiles attribute its time to `simjs/sim.js`.
 *
 * The model is written the way simjs's own M/M/c examples are: one `Entity` generates arrivals
 * with `setTimer(...).done(...)`, and each message is a `useFacility(facility, duration)` request
 * on an FCFS `Sim.Facility` with `c` servers, whose `done` callback counts a completion and
 * moves the message to the next queue of a tandem. TTLs use simjs's reneging, `waitUntil`.
 * Random numbers come from seedrandom's alea, as in the engine and the reference, so all three
 * pay the same for sampling.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";
import seedrandom from "seedrandom";
import { nowMs, type RunFigure } from "./measure.ts";
import { streamSeed, type Workload } from "./workloads.ts";

/** A simjs request (what `setTimer`, `useFacility` return): callbacks are chained on it. */
interface SimRequest {
  done(callback: (...args: never[]) => void, context?: object, argument?: unknown): SimRequest;
  waitUntil(delay: number, callback: (...args: never[]) => void, context?: object, argument?: unknown): SimRequest;
}

interface SimInstance {
  time(): number;
  addEntity(klass: EntityClass, name?: string): EntityInstance;
  simulate(endTime: number, maxEvents?: number): boolean;
}

interface EntityInstance {
  readonly sim: SimInstance;
  time(): number;
  setTimer(duration: number): SimRequest;
  useFacility(facility: FacilityInstance, duration: number): SimRequest;
}

type EntityClass = new (sim: SimInstance, name?: string) => EntityInstance & { start(): void };

type FacilityInstance = object;

/** The part of simjs's `window.Sim` namespace the benchmark uses. */
export interface SimNamespace {
  Sim: new () => SimInstance;
  Entity: new (sim: SimInstance, name?: string) => EntityInstance;
  Facility: { new (name: string, discipline: number, servers: number): FacilityInstance; FCFS: number };
}

let loaded: SimNamespace | null = null;

/** Loads simjs's browser bundle with a fake `window` (see the file comment) and returns `Sim`. */
export function loadSimjs(): SimNamespace {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve("simjs/sim.js");
  const wrapped = `(function (window) {\n${readFileSync(file, "utf8")}\n})`;
  const factory = vm.runInThisContext(wrapped, { filename: file }) as (window: { Sim?: SimNamespace }) => void;
  const fakeWindow: { Sim?: SimNamespace } = {};
  factory(fakeWindow);
  if (!fakeWindow.Sim?.Facility) throw new Error(`simjs: ${file} did not define window.Sim`);
  loaded = fakeWindow.Sim;
  return loaded;
}

/**
 * Simulates `messages` messages of a workload in simjs and returns the events (arrivals,
 * completions and reneges) and the wall time. Arrivals stop after `messages` and the run drains,
 * so exactly `messages` messages leave (the engine stops at its `messages`-th departure instead;
 * events per second is the figure compared).
 */
export function runSimjs(w: Workload, messages: number, seed = 1): RunFigure {
  const Sim = loadSimjs();
  const sim = new Sim.Sim();
  const facilities: FacilityInstance[] = [];
  for (let s = 0; s < w.stations; s++) facilities.push(new Sim.Facility(`q${s}`, Sim.Facility.FCFS, w.servers));
  const arrivalRng = seedrandom.alea(streamSeed(seed, "arrivals", 0));
  const serviceRng = Array.from({ length: w.stations }, (_, s) => seedrandom.alea(streamSeed(seed, "service", s)));
  const ttlRng = seedrandom.alea(streamSeed(seed, "ttl", 0));
  const meanIa = 1 / w.lambda;
  const meanService = 1 / w.mu;
  const ttlMean = w.ttlMean;
  let events = 0;
  let arrived = 0;
  let waitSum = 0;
  let served = 0;

  class Source extends Sim.Entity {
    start(): void {
      this.setTimer(0 - meanIa * Math.log(1 - arrivalRng())).done(this.arrive);
    }

    arrive(): void {
      events++;
      arrived++;
      this.visit(0, this.time());
      if (arrived < messages) this.setTimer(0 - meanIa * Math.log(1 - arrivalRng())).done(this.arrive);
    }

    visit(station: number, enqueuedAt: number): void {
      const duration = 0 - meanService * Math.log(1 - serviceRng[station]!());
      const request = this.useFacility(facilities[station]!, duration).done(this.served, this, [station, enqueuedAt, duration]);
      if (ttlMean !== undefined) request.waitUntil(0 - ttlMean * Math.log(1 - ttlRng()), this.expired);
    }

    served(station: number, enqueuedAt: number, duration: number): void {
      events++;
      const now = this.time();
      if (station === 0) {
        waitSum += now - enqueuedAt - duration;
        served++;
      }
      if (station + 1 < w.stations) this.visit(station + 1, now);
    }

    expired(): void {
      events++;
    }
  }

  const t0 = nowMs();
  sim.addEntity(Source as unknown as EntityClass, "source");
  sim.simulate(Infinity);
  const seconds = (nowMs() - t0) / 1000;
  return { events, seconds, meanWq: served > 0 ? waitSum / served : NaN };
}
