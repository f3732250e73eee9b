import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Component tests: Vue components mounted in happy-dom (browser flows are in server/test/e2e).
export default mergeConfig(viteConfig, defineConfig({ test: { environment: 'happy-dom', include: ['src/**/*.spec.ts'] } }));
