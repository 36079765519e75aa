/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { gzipSync } from "node:zlib";
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";

// The .NET host serves the page pre-compressed: every text asset gets a .gz beside it at build time.
function precompress(): Plugin {
  return {
    name: "flowc-precompress",
    apply: "build",
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk("dist")) {
        if (/\.(js|css|html|svg|json)$/.test(file)) {
          writeFileSync(file + ".gz", gzipSync(readFileSync(file), { level: 9 }));
        }
      }
    },
  };
}

export default defineConfig({
  // Relative URLs: the panel mounts the editor under any prefix.
  base: "./",
  plugins: [react(), precompress()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
