// Background service worker: owns the one engine per browser (wired in lib/, see DESIGN.md).
export default defineBackground(() => {
  // Wiring only: runtime code lives in lib/. The coach service is attached by the in-page issue.
});
