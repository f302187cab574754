import { useEffect, useState } from "react";
import { formatNumber } from "../../report/format.ts";

interface Props {
  label: string;
  /** performance.now() when the work started. */
  startedAt: number;
  /** Points done and in all, when the work counts them; otherwise the bar is indeterminate. */
  done?: number;
  total?: number;
  onCancel: () => void;
}

/** A progress bar for work in a worker, with the time so far and a Cancel button. */
export function WorkProgress({ label, startedAt, done, total, onCancel }: Props) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (now - startedAt) / 1000);
  const counted = done !== undefined && total !== undefined && total > 0;
  return (
    <span className="work-progress" role="status">
      <progress aria-label={`${label} progress`} {...(counted ? { value: done, max: total } : {})} />
      <span>
        {label}
        {counted ? ` ${done} of ${total}` : ""}… {formatNumber(seconds, 2)} s
      </span>
      <button type="button" className="small" onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}
