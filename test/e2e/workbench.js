// The workbench steps that several end-to-end runs share: opening the sample project with the
// extension under development until qcode has loaded it, and giving one qcode view the side bar.
const cs = require('./codeServer');

const QCODE_VIEWS = [/^codebook/i, /^informants/i, /^annotations/i, /^memos/i, /^query results/i];

/** A view of the qcode side bar, by its title. */
function pane(page, title) {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) });
}

/** Opens the workbench on `ws` with the extension under development, until the Explorer lists the project. */
async function openWorkbench(page, server, ws) {
  await page.goto(
    cs.workbenchUrl(server, ws, [
      ['extensionDevelopmentPath', server.remote(cs.extensionPath())],
      ['skipWelcome', 'true'],
    ]),
  );
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: 'codebook.yaml' })
    .first()
    .waitFor({ timeout: 90000 });
}

/** Opens the workbench on `ws`, shows the qcode views and waits until the project has loaded. */
async function openQcode(page, server, ws) {
  await openWorkbench(page, server, ws);
  await page.locator('.activitybar .action-item .action-label[aria-label^="qcode"]').click({ timeout: 60000 });
  await pane(page, /codebook/i)
    .locator('.monaco-list-row', { hasText: 'Samordning' })
    .first()
    .waitFor({ timeout: 90000 });
  await page.locator('.statusbar', { hasText: 'loading the project' }).waitFor({ state: 'detached', timeout: 90000 });
}

/** Room for one view: the other qcode views folded, this one unfolded, the side bar `wider` pixels wider. */
async function giveRoomTo(page, title, wider = 260) {
  for (const other of QCODE_VIEWS.filter((t) => String(t) !== String(title))) {
    const header = page.locator('.part.sidebar .pane-header[aria-expanded="true"]', { hasText: other });
    if (await header.count()) await header.first().locator('.title').click();
  }
  const folded = page.locator('.part.sidebar .pane-header[aria-expanded="false"]', { hasText: title });
  if (await folded.count()) await folded.first().locator('.title').click();
  await page.locator('.part.sidebar .pane-header[aria-expanded="true"]', { hasText: title }).first().waitFor();
  if (wider <= 0) return;
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  await page.mouse.move(sidebar.x + sidebar.width, 400);
  await page.mouse.down();
  await page.mouse.move(sidebar.x + sidebar.width + wider, 400, { steps: 5 });
  await page.mouse.up();
}

/** Clicks an action in a view's title bar (shown while the pointer is over the view). */
async function viewAction(page, title, label) {
  const header = page.locator('.part.sidebar .pane-header', { hasText: title }).first();
  await header.hover();
  await header.locator(`.actions .action-label[aria-label^="${label}"]`).click();
}

module.exports = { QCODE_VIEWS, pane, openWorkbench, openQcode, giveRoomTo, viewAction };
