import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The bridge (src/live/bridge) listens on loopback; the page reaches it through this proxy,
// so it is same-origin and needs no CORS.
const bridgePort = Number(process.env.KENDALL_BRIDGE_PORT ?? 5174);

const proxy = { "/bridge": { target: `http://127.0.0.1:${bridgePort}`, changeOrigin: false } };
const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  plugins: [react()],
  // `npm run dev` (hot reload) and `npm start` (a production build, `vite preview`) serve the
  // same page on the same loopback address, both with the bridge behind /bridge.
  server: { host: "127.0.0.1", port, proxy },
  preview: { host: "127.0.0.1", port, proxy },
  worker: { format: "es" },
  // One page of about 0.7 MB (React, d3, zod and the engine), 0.23 MB compressed, served from loopback.
  build: { chunkSizeWarningLimit: 1024 },
});
