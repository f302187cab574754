import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The bridge (src/live/bridge) listens on loopback; the page reaches it through this proxy,
// so it is same-origin and needs no CORS.
const bridgePort = Number(process.env.KENDALL_BRIDGE_PORT ?? 5174);

export default defineConfig({
  plugins: [react()],
  server: {
    host: "127.0.0.1",
    port: Number(process.env.PORT ?? 5173),
    proxy: { "/bridge": { target: `http://127.0.0.1:${bridgePort}`, changeOrigin: false } },
  },
  preview: { host: "127.0.0.1" },
  worker: { format: "es" },
});
