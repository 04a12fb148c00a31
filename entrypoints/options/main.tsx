// The options page: wiring only (lib/panel/ui/options/).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createPanelClient } from '../../lib/panel/client';
import { Options } from '../../lib/panel/ui/options';
import { browserUiLang } from '../../lib/panel/ui/strings';
import '../../lib/panel/ui/base.css';
import './style.css';

const client = createPanelClient((message) => browser.runtime.sendMessage(message));
const fallbackLang = browserUiLang(browser.i18n?.getUILanguage?.() ?? navigator.language);
document.documentElement.lang = fallbackLang;

render(<Options client={client} fallbackLang={fallbackLang} />, document.getElementById('app')!);
