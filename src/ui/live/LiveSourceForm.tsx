import { useId, useState, type FormEvent } from "react";
import { liveKindNames, type LiveSourceConfig, type RemoteConfig } from "./liveSession.ts";

type Kind = LiveSourceConfig["kind"];

const defaults: Record<RemoteConfig["kind"], { baseUrl: string; queueHint: string; auth: boolean }> = {
  "rabbitmq-api": { baseUrl: "http://127.0.0.1:15672", queueHint: "orders", auth: true },
  "rabbitmq-prometheus": { baseUrl: "http://127.0.0.1:15692", queueHint: "orders", auth: false },
  "nats-jsz": { baseUrl: "http://127.0.0.1:8222", queueHint: "STREAM/CONSUMER", auth: false },
  prometheus: { baseUrl: "http://127.0.0.1:9100", queueHint: "label shown", auth: false },
};

/** Lines `figure = selector` (e.g. `acked = jobs_done_total{queue="a"}`) as a mapping; blank lines ignored. */
export function parseMappingText(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const eq = line.indexOf("=");
    if (line === "" || eq < 1) continue;
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

/**
 * Where to read: the in-browser broker (nothing to fill in) or a broker through the bridge. A
 * plain form whose submit never navigates: the password goes into the bridge's POST body only,
 * never into the address, storage or a report, and the field is emptied once sent.
 */
export function LiveSourceForm({ onConnect }: { onConnect: (config: LiveSourceConfig) => void }) {
  const id = useId();
  const [kind, setKind] = useState<Kind>("in-browser");
  const [baseUrl, setBaseUrl] = useState("");
  const [queue, setQueue] = useState("");
  const [vhost, setVhost] = useState("");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [mapping, setMapping] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === "in-browser") return onConnect({ kind });
    const config: RemoteConfig = { kind, baseUrl: baseUrl.trim() || defaults[kind].baseUrl, queue: queue.trim() };
    if (vhost.trim()) config.vhost = vhost.trim();
    if (username) config.username = username;
    if (password) config.password = password;
    if (kind === "prometheus") config.mapping = parseMappingText(mapping);
    onConnect(config);
    setPassword("");
  };
  const remote = kind !== "in-browser";
  const isRabbit = kind === "rabbitmq-api" || kind === "rabbitmq-prometheus";
  return (
    <form className="live-source" method="post" action="#" autoComplete="off" onSubmit={submit} data-testid="live-source">
      <span className="live-field"><label htmlFor={`${id}-kind`}>Source</label><select id={`${id}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
        {(Object.keys(liveKindNames) as Kind[]).map((k) => (
          <option key={k} value={k}>{liveKindNames[k]}{k === "in-browser" ? " (default, nothing to install)" : ""}</option>
        ))}
      </select></span>
      {remote && (
        <>
          <span className="live-field"><label htmlFor={`${id}-url`}>Address</label><input id={`${id}-url`} name="baseUrl" type="url" value={baseUrl} placeholder={defaults[kind].baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)} /></span>
          <span className="live-field"><label htmlFor={`${id}-queue`}>{kind === "nats-jsz" ? "Stream/consumer" : "Queue"}</label><input id={`${id}-queue`} name="queue" type="text" required value={queue} placeholder={defaults[kind].queueHint} onChange={(e) => setQueue(e.currentTarget.value)} /></span>
          {isRabbit && (
            <>
              <span className="live-field"><label htmlFor={`${id}-vhost`}>Vhost</label><input id={`${id}-vhost`} name="vhost" type="text" value={vhost} placeholder="/" onChange={(e) => setVhost(e.currentTarget.value)} /></span>
            </>
          )}
          <span className="live-field"><label htmlFor={`${id}-user`}>User</label><input id={`${id}-user`} name="username" type="text" value={username} placeholder={defaults[kind].auth ? "guest" : "(none)"} onChange={(e) => setUsername(e.currentTarget.value)} /></span>
          <span className="live-field"><label htmlFor={`${id}-pass`}>Password</label><input id={`${id}-pass`} name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} /></span>
          {kind === "prometheus" && (
            <>
              <span className="live-field"><label htmlFor={`${id}-map`}>Metrics</label><textarea id={`${id}-map`} name="mapping" rows={3} value={mapping} placeholder={'published = jobs_published_total{queue="a"}\nacked = jobs_done_total{queue="a"}\nready = jobs_waiting{queue="a"}'} onChange={(e) => setMapping(e.currentTarget.value)} /></span>
            </>
          )}
        </>
      )}
      <button type="submit">{remote ? "Connect" : "Watch the in-browser broker"}</button>
      {remote && <p className="hint live-form-hint">Read through the loopback bridge that npm start runs. The password is sent to the bridge once, kept in memory only, and never put in the address, storage or exports.</p>}
    </form>
  );
}
