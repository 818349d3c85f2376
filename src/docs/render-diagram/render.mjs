// Renders a BPMN file to PNG with the bpmn-js viewer in headless Chromium.
// usage: node render.mjs [input.bpmn] [output.png]   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const input = resolve(process.argv[2] ?? resolve(here, '../../../processes/returnRequest.bpmn'));
const output = resolve(process.argv[3] ?? resolve(here, '../returnRequest.png'));
const scale = Number(process.env.SCALE ?? 1.5);
const padding = 20;

const require = createRequire(import.meta.url);
const bpmnJsDist = dirname(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'));
const xml = await readFile(input, 'utf8');

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run']
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head>'
    + '<body style="margin:0;background:#fff"><div id="canvas"></div></body></html>');
  for (const css of ['diagram-js.css', 'bpmn-js.css']) {
    await page.addStyleTag({ path: resolve(bpmnJsDist, 'assets', css) });
  }
  await page.addScriptTag({ path: resolve(bpmnJsDist, 'bpmn-viewer.production.min.js') });

  // export the diagram as SVG first: its viewBox is the diagram's own extent, whatever the window size
  const { svg, warnings } = await page.evaluate(async (xml) => {
    const viewer = new BpmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(xml);
    const { svg } = await viewer.saveSVG();
    return { svg, warnings: warnings.map((w) => w.message) };
  }, xml);
  if (warnings.length) {
    console.warn(`import warnings:\n  ${warnings.join('\n  ')}`);
  }

  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head>'
    + `<body style="margin:0;background:#fff"><div id="diagram" style="display:inline-block;padding:${padding}px">${svg}</div></body></html>`);
  const box = await page.$eval('#diagram', (el) => {
    const r = el.getBoundingClientRect();
    return { width: Math.ceil(r.width), height: Math.ceil(r.height) };
  });
  await page.setViewport({ width: box.width, height: box.height, deviceScaleFactor: scale });
  const element = await page.$('#diagram');
  await element.screenshot({ path: output, omitBackground: false });
  console.log(`wrote ${output} (${Math.round(box.width * scale)}x${Math.round(box.height * scale)})`);
} finally {
  await browser.close();
}
