// Background service worker: owns the one engine per browser (wired in lib/, see DESIGN.md).
import { startCoach } from '../lib/coach/background';

export default defineBackground(() => {
  // Wiring only: the coach service (lib/coach) answers the content scripts and extension pages.
  startCoach();
});
