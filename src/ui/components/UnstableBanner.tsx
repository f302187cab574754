import { formatNumber } from "../../report/format.ts";
import type { QueueLoad, RunResult } from "../../simulation/index.ts";

interface Props {
  queueId: string;
  loads: Map<string, QueueLoad>;
  result: RunResult | null;
}

/** The queues whose backlog grows without bound, from the offered load (so it shows at once) or the run. */
export function unstableQueues(loads: Map<string, QueueLoad>, result: RunResult | null): Map<string, { rho: number; growthPerS: number }> {
  const out = new Map<string, { rho: number; growthPerS: number }>();
  for (const [id, load] of loads) if (load.unstable) out.set(id, { rho: load.rho, growthPerS: load.growthPerS });
  if (loads.size === 0) for (const u of result?.unstable ?? []) out.set(u.queue, { rho: u.rho, growthPerS: u.growthPerS });
  return out;
}

/** "Unstable: the backlog grows by N msg/s", for the selected queue and any other. */
export function UnstableBanner({ queueId, loads, result }: Props) {
  const unstable = unstableQueues(loads, result);
  const here = unstable.get(queueId);
  const others = [...unstable.keys()].filter((id) => id !== queueId);
  if (!here && others.length === 0) return null;
  return (
    <div className="unstable-banner" role="alert" data-testid="unstable-banner">
      {here && (
        <p>
          <strong>Unstable:</strong> the backlog grows by {formatNumber(here.growthPerS)} msg/s. Offered load ρ = {formatNumber(here.rho)} per consumer (≥ 1),
          so waits grow for as long as the system runs: there is no steady figure to show. Add consumers, speed up service, or cap the queue.
        </p>
      )}
      {others.length > 0 && (
        <p>
          {here ? "Also unstable" : "Unstable elsewhere"}: {others.map((id, i) => (
            <span key={id}>
              {i > 0 && ", "}
              <span className="queue-id">{id}</span> (+{formatNumber(unstable.get(id)!.growthPerS)} msg/s)
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
