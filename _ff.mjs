import puppeteer from 'puppeteer-core';
const t0 = Date.now();
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
  extraPrefsFirefox: {} });
console.log('launched', Date.now() - t0, await browser.version());
const id = await browser.installExtension(process.cwd() + '/.output/firefox-mv3');
console.log('installed', id);
const page = await browser.newPage();
await page.setRequestInterception(true);
const blocked = [];
page.on('request', (req) => {
  const u = new URL(req.url());
  if (u.hostname === 'mail.google.com') return req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: '<html><body><div contenteditable="true" role="textbox" aria-label="Message Body">hi</div></body></html>' });
  blocked.push(u.href); return req.abort();
});
await page.goto('https://mail.google.com/mail/u/0/#inbox');
console.log(await page.evaluate(() => document.body.innerHTML.length));
await new Promise((r) => setTimeout(r, 3000));
console.log(await page.evaluate(() => document.querySelectorAll('tonebridge-badge').length));
console.log('blocked', blocked);
await browser.close();
