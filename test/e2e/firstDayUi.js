// The ways the first-day run works the VS Code UI: quick inputs, selections, context menus,
// notifications and screenshots. Each waits for a condition, never for a fixed time.
/* global document, NodeFilter, getComputedStyle -- inside page.evaluate */
const path = require('node:path');
const { sleep } = require('./codeServer');

// Background-only decorations are divs in the overlay layer; the others spans inside the text.
const DECORATIONS = '.monaco-editor .view-overlays div[class*="ced-"], .monaco-editor .view-line span[class*="ced-"]';

function ui(page, shotsDir) {
  const quickInput = page.locator('.quick-input-widget');
  const rows = quickInput.locator('.quick-input-list .monaco-list-row');
  const menu = page.locator('.context-view .monaco-menu');
  const toasts = page.locator('.notifications-toasts .notification-toast');

  /** Ctrl+P / F1: types into the quick input, waits for the row, accepts it. */
  async function palette(key, text, rowText) {
    await page.keyboard.press(key);
    await quickInput.locator('input').waitFor();
    await page.keyboard.type(text);
    await rows.filter({ hasText: rowText }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  /**
   * Opens a file through Quick Open: Ctrl+P (again until the workbench answers it), the name, and
   * Enter once the file's row is the highlighted one; tried again if the editor does not show it.
   */
  async function quickOpen(name, visibleText) {
    const shown = page.locator('.monaco-editor .view-lines', { hasText: visibleText }).first();
    for (let attempt = 1; ; attempt++) {
      await quickInput.waitFor({ state: 'hidden' });
      for (let tries = 0; !(await quickInput.isVisible()); tries++) {
        if (tries > 300) throw new Error('Quick Open never appeared');
        await page.keyboard.press('Control+P');
        await quickInput.waitFor({ timeout: 1000 }).catch(() => {});
      }
      await page.keyboard.type(name);
      await quickInput.locator('.monaco-list-row.focused', { hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
      const opened = await shown.waitFor({ timeout: attempt < 3 ? 15000 : 60000 }).then(
        () => true,
        () => false,
      );
      if (opened) return;
      console.warn(`warning: Quick Open did not show ${name} (attempt ${attempt})`);
      if (await quickInput.isVisible()) await page.keyboard.press('Escape');
    }
  }

  /** Selects `length` characters from line:column (1-based) with Go to Line and Shift+Right. */
  async function select(line, column, length) {
    await page.keyboard.press('Control+G');
    await quickInput.locator('input').waitFor();
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await quickInput.waitFor({ state: 'hidden' });
    await page.locator('.statusbar', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
    for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.locator('.statusbar', { hasText: `(${length} selected)` }).waitFor();
  }

  /** Moves the cursor to line:column, dropping any selection. */
  async function goTo(line, column) {
    await page.keyboard.press('Control+G');
    await quickInput.locator('input').waitFor();
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await quickInput.waitFor({ state: 'hidden' });
    await page
      .locator('.statusbar', { hasText: `Ln ${line}, Col ${column}` })
      .first()
      .waitFor();
  }

  /** The middle of the `index`th character of `text` on screen (rendered spaces are nbsp). */
  function charAt(text, index = 3) {
    return page.evaluate(
      ([wanted, at]) => {
        const norm = (s) => s.replace(/\u00a0/g, ' ');
        const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) =>
          norm(l.textContent).includes(wanted),
        );
        if (!line) return undefined;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = norm(line.textContent).indexOf(wanted) + at,
          node;
        while ((node = walker.nextNode()) && node.length <= offset) offset -= node.length;
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      },
      [text, index],
    );
  }

  /** Whether a decoration lies under the `index`th character of `text`. */
  function decoratedAt(text, index = 3) {
    return charAt(text, index).then(
      (p) =>
        p &&
        page.evaluate(
          ([sel, x, y]) =>
            [...document.querySelectorAll(sel)].some((el) => {
              const r = el.getBoundingClientRect();
              return r.left <= x && x < r.right && r.top <= y && y < r.bottom;
            }),
          [DECORATIONS, p.x, p.y],
        ),
    );
  }

  /** Right-clicks at a point; resolves to the labels of the context menu that opens. */
  async function contextMenuAt(point) {
    await page.mouse.click(point.x, point.y, { button: 'right' });
    await menu.first().waitFor();
    await menu.locator('.action-label').first().waitFor();
    return (await menu.locator('.action-item:not(.disabled) .action-label').allInnerTexts())
      .map((s) => s.trim())
      .filter(Boolean);
  }

  /** Right-clicks inside the selected `text` (a click inside the selection keeps it). */
  async function contextMenuOnSelection(text) {
    const point = await charAt(text.slice(0, 12), 4);
    if (!point) throw new Error(`"${text}" is not on screen`);
    const menuLabels = await contextMenuAt(point);
    if (!(await page.locator('.statusbar', { hasText: `(${text.length} selected)` }).isVisible())) {
      throw new Error(`right-clicking the selection dropped it: ${await page.locator('.statusbar').innerText()}`);
    }
    return menuLabels;
  }

  async function closeMenu() {
    await page.keyboard.press('Escape');
    await menu.first().waitFor({ state: 'hidden' });
  }

  /**
   * Clicks a menu item; a click that lands while the menu is still settling is lost, so it clicks again while the menu
   * stays open.
   */
  async function chooseFromMenu(label) {
    const item = menu.locator('.action-item .action-label', { hasText: label }).first();
    for (let attempt = 1; ; attempt++) {
      await item.click();
      const closed = await menu
        .first()
        .waitFor({ state: 'hidden', timeout: 5000 })
        .then(
          () => true,
          () => false,
        );
      if (closed) return;
      if (attempt === 3) throw new Error(`the context menu stayed open after clicking "${label}" three times`);
    }
  }

  /**
   * Arrows through the quick pick's list (which draws only the rows in view) until the row with `text` has the focus.
   */
  async function focusRow(text) {
    const focused = quickInput.locator('.monaco-list-row.focused');
    for (let i = 0; i < 80; i++) {
      if ((await focused.count()) > 0 && (await focused.first().innerText()).includes(text)) return;
      await page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not reach the row "${text}"`);
  }

  /** Waits until the row with `text` is the highlighted one (what Enter takes when nothing is ticked). */
  async function highlighted(text) {
    await quickInput.locator('.monaco-list-row.focused', { hasText: text }).first().waitFor();
  }

  /** Ticks the row with `text` with Space and waits until it shows as ticked. */
  async function tick(text) {
    await focusRow(text);
    await page.keyboard.press('Space');
    await quickInput.locator('.monaco-list-row[aria-checked="true"]', { hasText: text }).first().waitFor();
  }

  /** Error or warning notifications on screen: a screenshot must show none. */
  async function troubleToasts() {
    const bad = toasts.filter({ has: page.locator('.codicon-error, .codicon-warning') });
    return bad.count().then((n) => (n === 0 ? [] : bad.allInnerTexts()));
  }

  /** Waits (up to 5 s) until notifications have faded in, so that a screenshot shows them whole. */
  function settled() {
    return page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('.notifications-toasts .notification-toast')].every(
            (toast) => getComputedStyle(toast).opacity === '1',
          ),
        undefined,
        { timeout: 5000 },
      )
      .catch(() => {});
  }

  /** A 1280x800 screenshot, after checking that no error or warning toast is on screen. */
  async function shot(name) {
    const trouble = await troubleToasts();
    if (trouble.length > 0) throw new Error(`before screenshot ${name}: ${trouble.join(' | ')}`);
    await settled();
    await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
  }

  /** Waits until `check()` gives a truthy value, answering the coder-name prompt of the first tagging. */
  async function until(what, check, { timeout = 60000, onCoderPrompt } = {}) {
    for (const end = Date.now() + timeout; ; await sleep(200)) {
      if (onCoderPrompt && (await quickInput.filter({ hasText: /coder/i }).isVisible())) await onCoderPrompt();
      const value = await check();
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    }
  }

  return {
    quickInput,
    rows,
    menu,
    toasts,
    palette,
    quickOpen,
    select,
    goTo,
    charAt,
    decoratedAt,
    contextMenuAt,
    contextMenuOnSelection,
    closeMenu,
    chooseFromMenu,
    focusRow,
    highlighted,
    tick,
    shot,
    until,
  };
}

module.exports = { ui, DECORATIONS };
