import { defineConfig } from 'vitest/config';

// The build lands in ../wwwroot/app, which the .NET build embeds in Pricing.Web.dll and serves at
// the root (see ../Pricing.Web.csproj and ../Hosting/DashboardFiles.cs). `npm run dev` serves the
// sources with hot reload and forwards the API and the hub to a silo on the default port.
declare const process: { env: Record<string, string | undefined> };
const silo = process.env['PRICING_SILO_URL'] ?? 'http://127.0.0.1:5080';

export default defineConfig({
  base: '/',
  build: {
    outDir: '../wwwroot/app',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed names under /assets are served as immutable; index.html is always revalidated.
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': silo,
      '/health': silo,
      '/hubs': { target: silo, ws: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
