// Assertions that wait for the page, like Playwright's `expect(locator)`: each reads what the page
// shows until it is as expected, or fails after a timeout with the last thing it saw. Use them for
// everything a user sees; a plain `assert` is for values that are already final (a downloaded file).
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { recentErrors } from './browser.mjs';

export const TIMEOUT = 5000;

/** Reads `read()` until `ok(value)` holds; returns the value, or fails with `what` and the last value. */
export async function until(read, ok, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  let error;
  for (;;) {
    try {
      last = await read();
      error = undefined;
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > deadline) break;
    // Poll again on the next turn (not a fixed wait for the app: the loop ends as soon as it holds).
    await new Promise((r) => setTimeout(r, 40));
  }
  const seen = error ? `an error: ${error.message}` : inspect(last, { depth: 4 });
  const uncaught = recentErrors.length ? `; uncaught in a page of this run: ${recentErrors.slice(-3).join(' | ')}` : '';
  throw new assert.AssertionError({ message: `${what}; last seen: ${seen}${uncaught}`, actual: last, stackStartFn: until });
}

const matches = (value, expected) =>
  expected instanceof RegExp ? expected.test(value) : value === expected;
const describe = (expected) => (expected instanceof RegExp ? String(expected) : JSON.stringify(expected));

/** The element's visible text is `expected` (a string, exactly, or a RegExp). */
export async function expectText(locator, expected, message = '') {
  return until(() => locator.innerText(), (t) => matches(t.trim(), expected) || matches(t, expected),
    `${message || locator} text should be ${describe(expected)}`);
}

/** The texts of all matching elements are `expected` (strings or RegExps, in order). */
export async function expectTexts(locator, expected, message = '') {
  return until(() => locator.allInnerTexts(), (all) => all.length === expected.length
    && all.every((t, i) => matches(t.trim(), expected[i])), `${message || locator} texts should be ${inspect(expected)}`);
}

/** An input's value is `expected`. */
export async function expectValue(locator, expected, message = '') {
  return until(() => locator.inputValue(), (v) => matches(v, expected), `${message || locator} value should be ${describe(expected)}`);
}

/** `count` elements match. */
export async function expectCount(locator, count, message = '') {
  return until(() => locator.count(), (n) => n === count, `${message || locator} count should be ${count}`);
}

/** An attribute has the value (`null`: it is absent). */
export async function expectAttr(locator, name, expected, message = '') {
  return until(() => locator.getAttribute(name), (v) => (expected === null ? v === null : v !== null && matches(v, expected)),
    `${message || locator} [${name}] should be ${describe(expected)}`);
}

/** A function of the page (evaluated in it) returns `expected` (deep equality). */
export async function expectPage(page, fn, expected, message = '', arg = undefined) {
  return eventually(() => page.evaluate(fn, arg), expected, message || String(fn));
}

/** `document.activeElement[prop]` is `expected` (focus moves in the app's next animation frame). */
export async function expectFocus(page, prop, expected, message = '') {
  return expectPage(page, ([p]) => (document.activeElement ? document.activeElement[p] : null), expected,
    message || `focused element's ${prop}`, [prop]);
}

/** The element is disabled (or, with `false`, enabled). */
export async function expectDisabled(locator, disabled = true, message = '') {
  return until(() => locator.isDisabled(), (d) => d === disabled, `${message || locator} should be ${disabled ? 'disabled' : 'enabled'}`);
}

/** The checkbox is checked (or not). */
export async function expectChecked(locator, checked = true, message = '') {
  return until(() => locator.isChecked(), (c) => c === checked, `${message || locator} should be ${checked ? '' : 'un'}checked`);
}

/** The page has no horizontal overflow: nothing is wider than the viewport. */
export async function expectNoOverflow(page, message = '') {
  return expectPage(page, () => document.documentElement.scrollWidth <= window.innerWidth, true,
    message || 'the page should be no wider than the screen');
}

/** The element is visible (or, with `false`, hidden or absent). */
export async function expectVisible(locator, visible = true, message = '') {
  return until(() => locator.isVisible(), (v) => v === visible, `${message || locator} should be ${visible ? 'visible' : 'hidden'}`);
}

/** Whatever `read()` gives (from the page or its storage) becomes `expected`: equal (deeply), or matching
 *  a RegExp. */
export async function eventually(read, expected, message = '') {
  return until(read, (v) => {
    if (expected instanceof RegExp) return typeof v === 'string' && expected.test(v);
    try {
      assert.deepStrictEqual(v, expected);
      return true;
    } catch {
      return false;
    }
  }, `${message || read} should be ${describe(expected)}`);
}
