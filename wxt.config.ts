import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// WXT builds the MV3 extension for Chrome and Firefox from entrypoints/.
// Preact is wired through its Vite preset (there is no @wxt-dev/module-preact).
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Tonebridge',
    description:
      'Coaches support replies for the culture of the customer who reads them — locally, before you send.',
    permissions: ['storage'],
  },
});
