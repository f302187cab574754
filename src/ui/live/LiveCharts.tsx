import { max } from "d3";
import { palette } from "../charts/palette.ts";
import { timeUnit } from "../model/timeUnit.ts";
import { meanBand, rateBand, waitComparison } from "./liveBand.ts";
import { finiteOrNull, type LiveHistory } from "./liveHistory.ts";
import type { LivePrediction } from "./livePrediction.ts";
import { LiveLineChart, type LiveOverlay } from "./LiveLineChart.tsx";

interface Props {
  history: LiveHistory;
  prediction: LivePrediction | null;
  /** "simulated" for the in-browser broker, "" for a real one. */
  clock: string;
}

const colors = { arrivals: palette.simulated, acks: palette.ok, ready: palette.simulated, unacked: palette.sojourn, wait: palette.simulated, model: palette.analytic, modelAcks: palette.p99 };

/** The live charts: arrival and ack rates, depth (ready, unacked) and estimated wait, each with the model's band. */
export function LiveCharts({ history, prediction: p, clock }: Props) {
  const pts = history.points;
  const t = pts.map((q) => q.t);
  const e = history.estimate;
  const xLabel = `${clock ? `${clock} ` : ""}time since the first reading (s)`;
  const rateOverlays: LiveOverlay[] = [];
  const lambdaBand = rateBand(p?.lambda ?? null, e?.lambda.windowS ?? 0) ?? (p?.lambda != null ? { mid: p.lambda, lo: p.lambda, hi: p.lambda } : null);
  if (lambdaBand) rateOverlays.push({ label: "predicted arrivals (95% band over the window)", color: colors.model, band: lambdaBand });
  const xBand = p?.throughput != null && p.throughput !== p.lambda ? rateBand(p.throughput, e?.throughput.windowS ?? 0) : null;
  if (xBand) rateOverlays.push({ label: "predicted acks (95% band)", color: colors.modelAcks, band: xBand });
  const lqBand = meanBand(p?.Lq ?? null, finiteOrNull(e?.Lq.ci95));
  // With a prefetch over 1 the ready-only Wq misses the wait in the consumers' windows: chart W.
  const wait = waitComparison(e, p);
  const sojourn = wait.figure === "W";
  const waitValues = pts.map((q) => (sojourn ? q.W : q.Wq));
  const waitMax = Math.max(max(waitValues, (v) => v ?? 0) ?? 0, wait.band?.hi ?? 0);
  const unit = timeUnit(waitMax);
  return (
    <div className="charts live-charts">
      <LiveLineChart
        title="Arrival and ack rates"
        description="Observed publish and ack rates over the estimation window, with the model's predicted arrival rate and its 95% band."
        testId="live-chart-rates"
        xLabel={xLabel}
        yLabel="messages per second (msg/s)"
        t={t}
        series={[
          { label: "observed arrivals (publish)", color: colors.arrivals, values: pts.map((q) => q.lambda) },
          { label: "observed acks", color: colors.acks, values: pts.map((q) => q.throughput) },
        ]}
        overlays={rateOverlays}
      />
      <LiveLineChart
        title="Depth: ready and unacked"
        description="Messages ready (waiting in the broker) and delivered but unacked at each reading, with the model's mean waiting Lq."
        testId="live-chart-depth"
        xLabel={xLabel}
        yLabel="messages"
        t={t}
        series={[
          { label: "ready", color: colors.ready, values: pts.map((q) => q.ready) },
          { label: "unacked", color: colors.unacked, values: pts.map((q) => q.unacked) },
        ]}
        overlays={lqBand ? [{ label: e?.waitReadyOnly ? "predicted mean waiting Lq (ready or in the prefetch windows)" : "predicted mean ready Lq (band: observed 95% CI)", color: colors.model, band: lqBand }] : []}
      />
      {sojourn ? (
        <LiveLineChart
          title="Estimated time in the broker W"
          description={`Mean time from publish to ack over the window, by Little's law (mean ready + unacked / arrival rate), with the model's W. W rather than Wq: ${wait.why}.`}
          testId="live-chart-wait"
          xLabel={xLabel}
          yLabel={`mean time in broker W (${unit.unit})`}
          t={t}
          series={[{ label: "observed W (Little's law; Wq would miss the wait in the prefetch windows)", color: colors.wait, values: waitValues }]}
          overlays={wait.band ? [{ label: "predicted W (band: observed 95% CI)", color: colors.model, band: wait.band }] : []}
          factor={unit.factor}
        />
      ) : (
        <LiveLineChart
          title="Estimated wait in the broker"
          description="Mean wait before delivery over the window, estimated by Little's law (mean ready / arrival rate), with the model's Wq."
          testId="live-chart-wait"
          xLabel={xLabel}
          yLabel={`mean wait Wq (${unit.unit})`}
          t={t}
          series={[{ label: "observed Wq (Little's law)", color: colors.wait, values: waitValues }]}
          overlays={wait.band ? [{ label: "predicted Wq (band: observed 95% CI)", color: colors.model, band: wait.band }] : []}
          factor={unit.factor}
        />
      )}
    </div>
  );
}
