import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { HOST_MATCHES } from './lib/hosts/registry';
import { leanDictionaryAssets } from './lib/lang/ja/dictionary/build-assets';

/**
 * The extension's public key, pinned so that its id is the same on every machine:
 * adalpcmobhkfpecdekkloianmcjfilod. Enterprise policy targets that id
 * (`3rdparty.extensions.<id>` in Chrome's policy JSON, see docs/policy-packs.md). Only the public
 * half is here; the private key is not needed to load or pack the extension for testing, and a store
 * upload gets the store's own key.
 */
export const EXTENSION_ID = 'adalpcmobhkfpecdekkloianmcjfilod';
const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxjSyxgdJSKnCnuhgv/TahScqQ1EMSVtQSGEc4iQoy3I4mUVq3POisgQR5G2PVz0p8VElTjA8EgB94aDdMFFfBOae+nnL88qiUfWLSCbKLcXq1tg1QXwHmAVzCYZKaW6cuK8jpAQMOrpPDCW0MkgNOR0adQVZvw5Iv1N3VFxfkTvYkkNifIbttnXVZL3ysyKmU2OL4pWlb0aFf9r3WKhrVTpFpGPpzH7T2Ppe5qkAa//sY3Pmm8qoqNA9VvhCao3ECBSzYAMDPPwn1B2PvAYarcRiuC1q3TIoQ3M+1ngzDRdepatRbaJ3gL3+AEoqfvh3Vh4BNfJw/uO0H0YwXUikCwIDAQAB';

// WXT builds the MV3 extension for Chrome and Firefox from entrypoints/.
// Preact is wired through its Vite preset (there is no @wxt-dev/module-preact).
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  // `npm run zip`: the Chrome and Firefox store zips, plus the sources zip addons.mozilla.org asks for
  // (tests, node_modules and dot folders are left out by WXT; build output and generated files here).
  zip: {
    excludeSources: ['dist/**', 'coverage/**', 'demo-output/**', 'public/dict/**', '*.log'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // kuromoji's IPADIC dictionary (*.dat.gz) goes from node_modules into dict/ at build time, never
    // committed, with its zero padding cut (lib/lang/ja/dictionary/build-assets.ts);
    // lib/lang/ja/extension-loader.ts fetches it from there.
    'build:publicAssets': (wxt, files) => {
      files.push(...leanDictionaryAssets(wxt.config.wxtDir));
      // The enterprise policy schema (storage.managed_schema below) lives with the other data files.
      files.push({
        absoluteSrc: fileURLToPath(new URL('./dictionaries/managed_schema.json', import.meta.url)),
        relativeDest: 'managed_schema.json',
      });
    },
  },
  manifest: ({ browser }) => ({
    // From public/_locales (en, ja): the browser shows these in its own language. The popup and
    // options page take their words from lib/panel/ui/strings.ts instead (the agent may choose).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: agent settings, packs; alarms: the periodic refresh of URL packs.
    permissions: ['storage', 'alarms'],
    // The hosts Tonebridge coaches on, from the host registry (lib/hosts/registry.ts); the content
    // script entrypoints/coach.content.ts matches the same pages.
    host_permissions: [...HOST_MATCHES],
    // Admin policy (lib/policy/sources/managed.ts) arrives in storage.managed, declared by this schema.
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Firefox reads managed storage for an extension by its id (policies.json → 3rdparty).
              id: 'tonebridge@tonebridge.dev',
              // 140 (the current ESR): data_collection_permissions below, CSS Custom Highlights, and
              // MAIN-world content scripts (the CKEditor bridge) are all there.
              strict_min_version: '140.0',
              // Firefox's data-use declaration (what AMO shows at install): Tonebridge collects and
              // transmits nothing — drafts are analysed on the device, settings stay in the browser's
              // storage (README, Privacy).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: EXTENSION_PUBLIC_KEY }),
  }),
});
