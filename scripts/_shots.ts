import { launchBrowser, openRoute } from '../test/web/support/browser.js';
const base = 'http://127.0.0.1:3100';
const routes = process.argv.slice(2);
const b = await launchBrowser(1400, 1000);
for (const r of routes) {
  await openRoute(b.page, base, r);
  await b.page.screenshot({ path: `/tmp/shots/${r.replace(/[^a-z0-9]+/gi, '_')}.png`, fullPage: true });
}
console.log(b.errors.join('\n'));
await b.close();
