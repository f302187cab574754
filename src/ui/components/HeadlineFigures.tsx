import { memo } from "react";
import type { QueueResult } from "../../simulation/index.ts";
import { readAnalytic } from "../model/analyticView.ts";
import { headlineRows } from "../model/headline.ts";

interface Props {
  queueId: string;
  queue: QueueResult;
  unstable: boolean;
}

/** The selected queue's main figures: simulated with its 95% interval, the analytic value beside it. */
export const HeadlineFigures = memo(function HeadlineFigures({ queueId, queue, unstable }: Props) {
  const analytic = readAnalytic(queue.analytic);
  const rows = headlineRows(queue, unstable);
  return (
    <section className="panel headline" aria-labelledby="headline-title">
      <h2 id="headline-title">
        Figures for <span className="queue-id">{queueId}</span>
      </h2>
      <table className="figures" data-testid="headline-figures">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Simulated (95% CI)</th>
            <th scope="col">Analytic</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-figure={row.key}>
              <th scope="row">{row.label}</th>
              <td className="sim" title={row.simulatedNote}>
                {row.simulated}
                {row.simulatedNote && <span className="no-ci" aria-label={row.simulatedNote}> *</span>}
              </td>
              <td className="analytic">
                <span>{row.analytic}</span> <span className={`badge badge-${row.kind}`}>{row.kind}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {rows.some((r) => r.simulatedNote) && "* percentiles are pooled over replications and have no interval. "}
        {analytic ? (
          <>
            Analytic model: <strong>{analytic.model}</strong> ({analytic.exact ? "exact" : "an approximation"}){analytic.note ? `: ${analytic.note}` : ""}.
          </>
        ) : (
          `No analytic model applies to this queue${queue.analyticReason ? ` (${queue.analyticReason})` : ""}: only the simulation speaks for it.`
        )}
      </p>
    </section>
  );
});
