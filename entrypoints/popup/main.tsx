// The toolbar popup: wiring only (lib/panel/ui/popup.tsx).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createPanelClient } from '../../lib/panel/client';
import { Popup } from '../../lib/panel/ui/popup';
import { browserUiLang } from '../../lib/panel/ui/strings';
import '../../lib/panel/ui/base.css';
import './style.css';

/**
 * The tab whose site switch and compose box the popup shows: the active tab. Opened as a page rather
 * than from the toolbar (pinned in a tab, or for the README's screenshot), `popup.html?tab=<id>` names
 * the tab instead; the background checks the id like any other request field.
 */
async function activeTabId(): Promise<number | undefined> {
  const named = new URLSearchParams(location.search).get('tab');
  if (named !== null && /^\d{1,15}$/.test(named)) return Number(named);
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id !== undefined && tab.id >= 0 ? tab.id : undefined;
  } catch {
    return undefined;
  }
}

const client = createPanelClient((message) => browser.runtime.sendMessage(message));
const fallbackLang = browserUiLang(browser.i18n?.getUILanguage?.() ?? navigator.language);
document.documentElement.lang = fallbackLang;

void activeTabId().then((tabId) => {
  render(<Popup client={client} tabId={tabId} fallbackLang={fallbackLang} openOptions={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
});
