import type { PlanResult } from "../../planner/index.ts";
import { formatNumber } from "../../report/format.ts";
import { costText } from "./planView.ts";

/** Consumers needed per queue at each traffic multiplier, and their cost per month when priced. */
export function GrowthTable({ plan }: { plan: PlanResult }) {
  const ids = Object.keys(plan.queues);
  const priced = plan.costPerHour !== undefined;
  if (plan.growth.length === 0 || ids.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="figures growth-table" data-testid="growth-table">
        <caption>Growth: consumers needed as traffic grows</caption>
        <thead>
          <tr>
            <th scope="col">Traffic</th>
            {ids.map((id) => (
              <th scope="col" key={id}>
                <span className="queue-id">{id}</span>
              </th>
            ))}
            {ids.length > 1 && <th scope="col">Total</th>}
            <th scope="col">Meets</th>
            {priced && <th scope="col">Cost / month</th>}
          </tr>
        </thead>
        <tbody>
          {plan.growth.map((row) => (
            <tr key={row.factor}>
              <th scope="row">× {formatNumber(row.factor)}</th>
              {ids.map((id) => (
                <td key={id}>{row.queues[id] ?? "none"}</td>
              ))}
              {ids.length > 1 && <td>{row.consumers ?? "—"}</td>}
              <td>{row.meets ? "yes" : "no"}</td>
              {priced && <td>{costText(row.costPerMonth)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
