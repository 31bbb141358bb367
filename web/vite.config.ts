/**
 * Builds the web app into `web/dist`, which `drawdown serve` serves from `/`. `npm install` runs
 * this (the `prepare` script), so a fresh clone's `npm install && npm start` serves the app.
 * In development, `npm run web:dev` proxies `/api` to a server on port 8080.
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./build/precompress.ts";

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Leaflet and echarts are only in the pages that need them (lazy routes): the first load stays small.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { "/api": { target: process.env.DRAWDOWN_API ?? "http://localhost:8080" } },
  },
});
