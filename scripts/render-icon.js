// Draws media/icon.png (128x128, the Marketplace and Open VSX icon) from media/icon.svg in Debian's
// headless Chromium, driven by test/e2e's playwright-core (bash test/e2e/install.sh installs both):
// `node scripts/render-icon.js`. CHROMIUM= names another browser.
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('../test/e2e/node_modules/playwright-core');

const SIZE = 128;
const media = path.join(__dirname, '..', 'media');
const out = path.join(media, 'icon.png');

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE * 2, height: SIZE * 2 } });
    const svg = fs.readFileSync(path.join(media, 'icon.svg'), 'utf8');
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
  } finally {
    await browser.close();
  }
  const png = fs.readFileSync(out);
  const width = png.readUInt32BE(16),
    height = png.readUInt32BE(20);
  if (width !== SIZE || height !== SIZE) throw new Error(`${out} is ${width}x${height}, not ${SIZE}x${SIZE}`);
  console.log(`${path.relative(process.cwd(), out)}: ${width}x${height}, ${png.length} bytes`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
