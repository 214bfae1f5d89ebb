// Renders a form's print view (`thads report --form F --format html --out F.html`) to a PNG with
// headless Chromium, as the README's pictures of the forms are made:
//   node scripts/form-screenshot.js bieu-05.html docs/screenshots/report-form-05.png [--width 1700]
// The page is shot whole, at the print view's own width; nothing is fetched over the network.
const { chromium } = require('playwright-core');
const { pathToFileURL } = require('node:url');
const { resolve } = require('node:path');

const CHROMIUM = process.env.THADS_CHROMIUM ?? '/usr/bin/chromium';

const main = async () => {
  const [input, output] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--width');
  const at = process.argv.indexOf('--width');
  const width = at > 0 ? Number(process.argv[at + 1]) : 1700;
  if (!input || !output || !(width > 0)) {
    console.error('usage: node scripts/form-screenshot.js FORM.html OUT.png [--width PIXELS]');
    process.exit(2);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width, height: 600 } });
    // A print view is self-contained: refuse anything but the file itself.
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient'),
    );
    await page.goto(pathToFileURL(resolve(input)).href, { waitUntil: 'load' });
    await page.screenshot({ path: output, fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ input, output, width }));
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
