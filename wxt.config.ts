import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { leanDictionaryAssets } from './lib/lang/ja/dictionary/build-assets';

// WXT builds the MV3 extension for Chrome and Firefox from entrypoints/.
// Preact is wired through its Vite preset (there is no @wxt-dev/module-preact).
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // kuromoji's IPADIC dictionary (*.dat.gz) goes from node_modules into dict/ at build time, never
    // committed, with its zero padding cut (lib/lang/ja/dictionary/build-assets.ts);
    // lib/lang/ja/extension-loader.ts fetches it from there.
    'build:publicAssets': (wxt, files) => {
      files.push(...leanDictionaryAssets(wxt.config.wxtDir));
    },
  },
  manifest: {
    name: 'Tonebridge',
    description:
      'Coaches support replies for the culture of the customer who reads them — locally, before you send.',
    permissions: ['storage'],
    // The two hosts Tonebridge coaches on (content scripts in entrypoints/gmail.content, zendesk.content).
    host_permissions: ['https://mail.google.com/*', 'https://*.zendesk.com/*'],
  },
});
