import type { QueuePlan } from "../../planner/index.ts";
import { capacityLine, costText, fewerCheck, headroomLine, prefetchLine } from "./planView.ts";

/** One queue's answer: consumers, why, the one-fewer check, prefetch and capacity where asked, headroom and cost. */
export function QueuePlanCard({ plan }: { plan: QueuePlan }) {
  const fewer = fewerCheck(plan);
  const prefetch = prefetchLine(plan);
  const capacity = capacityLine(plan);
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
      {plan.prefetch && prefetch && <SizeAnswer testId="plan-prefetch" title="Prefetch" line={prefetch} meets={plan.prefetch.meets} method="simulated" explanation={plan.prefetch.explanation} />}
      {plan.capacity && capacity && (
        <SizeAnswer
          testId="plan-capacity"
          title="Capacity"
          line={capacity}
          meets={plan.capacity.meets}
          method={plan.capacity.method === "analytic" ? "analytic" : plan.capacity.method === "simulation" ? "simulated" : "analytic, simulated"}
          explanation={plan.capacity.explanation}
        />
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

interface SizeProps {
  testId: string;
  title: string;
  line: string;
  meets: boolean;
  /** How the answer was decided, as a badge. */
  method: string;
  explanation: string;
}

/** A prefetch or capacity answer: the setting in a few words, how it was decided, and what was checked. */
function SizeAnswer({ testId, title, line, meets, method, explanation }: SizeProps) {
  return (
    <div className="plan-size" data-testid={testId}>
      <p>
        <strong>{title}:</strong> <span data-testid={`${testId}-value`}>{line}</span>
        <span className={`badge ${meets ? "badge-exact" : "badge-approximate"}`}>{meets ? method : "no answer"}</span>
      </p>
      <p className="plan-size-explanation">{explanation}</p>
    </div>
  );
}
