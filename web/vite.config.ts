/**
 * Builds the dashboard (web/) into web/dist, which the API server serves at /.
 * Build: `vite build --config web/vite.config.ts` (from the repository root).
 * Dev:   `vite --config web/vite.config.ts` proxies /api to the API server (API_ORIGIN, default http://127.0.0.1:3100).
 */
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes .br and .gz beside each text asset of the build, so the server can send them
 * precompressed (@fastify/static `preCompressed: true`). Uses node:zlib only.
 */
function precompress(): Plugin {
  return {
    name: 'redshift-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
      for (const file of walk(join(root, 'dist')).filter((f) => /\.(js|css|html|json|svg)$/.test(f))) {
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.API_ORIGIN ?? 'http://127.0.0.1:3100' },
  },
});
