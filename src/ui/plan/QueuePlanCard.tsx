import type { QueuePlan } from "../../planner/index.ts";
import { costText, fewerCheck, headroomLine } from "./planView.ts";

/** One queue's answer: consumers, why, the one-fewer check, headroom and cost. */
export function QueuePlanCard({ plan }: { plan: QueuePlan }) {
  const fewer = fewerCheck(plan);
  return (
    <article className="queue-plan" data-queue={plan.queue}>
      <h4>
        Queue <span className="queue-id">{plan.queue}</span>:{" "}
        {plan.consumers === null ? (
          <strong>no consumer count meets the SLO</strong>
        ) : (
          <>
            <strong data-testid="plan-consumers">{plan.consumers}</strong> consumer{plan.consumers === 1 ? "" : "s"}
          </>
        )}{" "}
        <span className="hint">(now {plan.current})</span>
        <span className={`badge ${plan.meets ? "badge-exact" : "badge-approximate"}`}>{plan.meets ? "meets the SLO" : "does not meet the SLO"}</span>
      </h4>
      <p className="plan-explanation">{plan.explanation}</p>
      {fewer && (
        <div className="plan-check">
          <p>
            <strong>One-fewer check:</strong> {fewer.heading}
          </p>
          <ul>
            {fewer.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <strong>Headroom:</strong> {headroomLine(plan)}
      </p>
      {plan.costPerMonth !== undefined && (
        <p>
          <strong>Cost per month:</strong> {costText(plan.costPerMonth)} (now {costText(plan.currentCostPerMonth)})
        </p>
      )}
    </article>
  );
}
