import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '../../src/platform/process/project-root';

/**
 * Headless Debian Chromium driven by playwright-core, to use the Playground UI the way a person would.
 * Every request to a host other than loopback is aborted (the UI asks res-1.cdn.office.net for fonts and an
 * animation worklet; it renders fine without them).
 *
 * Playground UI (0.2.28, a Fluent UI v9 React app; its CSS classes are hashed, so only these hooks are stable):
 * - compose box: `div[role="textbox"][contenteditable="true"]` (a Lexical editor; in a channel the first one is
 *   "Start a new post" with a `Post` button, each post then has its own reply box)
 * - send: `button[aria-label="Send Message"]` (Enter also sends)
 * - @mention: type `@` plus part of the name, then click the `[role="menuitem"]` suggestion
 * - conversations: `[role="treeitem"]` named `Personal Chat`, the group chat's name, `<Team> - <Channel>`
 * - bot messages in chats: `.fai-OutputCard` (channel replies are not wrapped in it)
 * - Adaptive Cards: `.ac-adaptiveCard`; their buttons are role=button named by the action title
 * - the Log Panel and the chat list repeat message text, so never match text page-wide.
 * Opening the page (and opening a chat or channel for the first time) makes the UI POST
 * `/_debug/conversation/{id}/installation`: the bot gets installationUpdate + conversationUpdate each time.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOT_DIR = path.join(projectRoot(), 'tests', 'screenshots');

export const SELECTORS = {
  composeBox: 'div[role="textbox"][contenteditable="true"]',
  sendButton: 'button[aria-label="Send Message"]',
  mentionSuggestion: '[role="menuitem"]',
  botMessage: '.fai-OutputCard',
  adaptiveCard: '.ac-adaptiveCard',
} as const;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface HarnessBrowser {
  readonly context: BrowserContext;
  /** Hosts whose requests were aborted (for diagnosing a page that renders oddly). */
  readonly blockedHosts: ReadonlySet<string>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile; throws a clear error when it is not installed. */
export async function launchBrowser(): Promise<HarnessBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium ` +
        '(or point CHROMIUM_PATH at a Chromium binary).',
    );
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 30000,
    });
  } catch (error) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const blockedHosts = new Set<string>();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) return route.continue();
    blockedHosts.add(url.hostname);
    return route.abort('blockedbyclient');
  });
  let closed = false;
  return {
    context,
    blockedHosts,
    newPage: () => context.newPage(),
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

let shared: Promise<HarnessBrowser> | undefined;

/** Closes the browser that `openPlayground` launched on demand (call it in `afterAll`). */
export async function closeBrowser(): Promise<void> {
  const pending = shared;
  shared = undefined;
  if (pending) await (await pending).close();
}

/**
 * Opens the Playground UI in a new page and waits until it can be typed into. Uses `options.browser`, or one
 * shared browser launched on first use (close it with `closeBrowser()`).
 */
export async function openPlayground(url: string, options: { browser?: HarnessBrowser; timeoutMs?: number } = {}): Promise<Page> {
  let harness = options.browser;
  if (!harness) {
    shared ??= launchBrowser();
    shared.catch(() => (shared = undefined));
    harness = await shared;
  }
  const page = await harness.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.timeoutMs ?? 30000 });
  await page
    .locator(SELECTORS.composeBox)
    .first()
    .waitFor({ timeout: options.timeoutMs ?? 30000 });
  return page;
}

/**
 * Types a message into the (first) compose box and sends it. With `mention`, starts with an @mention of that
 * name picked from the suggestion list, as a group chat or channel needs for the bot to hear it.
 */
export async function sendChatMessage(page: Page, text: string, options: { mention?: string } = {}): Promise<void> {
  const box = page.locator(SELECTORS.composeBox).first();
  await box.click();
  if (options.mention) {
    await page.keyboard.type(`@${options.mention.slice(0, 4)}`);
    await page.locator(SELECTORS.mentionSuggestion).filter({ hasText: options.mention }).first().click();
    await page.keyboard.type(' ');
  }
  await page.keyboard.type(text);
  await page.locator(SELECTORS.sendButton).first().click();
}

/** A bot message in a chat (not a channel) containing `text`, once visible. */
export async function waitForBotMessage(page: Page, text: string, timeoutMs = 60_000): Promise<Locator> {
  const message = page.locator(SELECTORS.botMessage).filter({ hasText: text }).last();
  await message.waitFor({ state: 'visible', timeout: timeoutMs });
  return message;
}

/** The last rendered Adaptive Card containing `containingText`, once visible. */
export async function waitForAdaptiveCard(page: Page, containingText: string, timeoutMs = 60_000): Promise<Locator> {
  const card = page.locator(SELECTORS.adaptiveCard).filter({ hasText: containingText }).last();
  await card.waitFor({ state: 'visible', timeout: timeoutMs });
  return card;
}

/** Saves a full-page PNG under tests/screenshots/ (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Saves a PNG of one element (a card, a chart) under tests/screenshots/ and returns the image, to look into. */
export async function screenshotOf(element: Locator, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return element.screenshot({ path: path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`) });
}

export type { Locator, Page };
