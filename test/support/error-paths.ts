/**
 * Reads a ParseError key (`deployment.base-removals[0][2]`,
 * `Transaction.SignatureProgress[0][1].value[6]`) back as a path through the
 * value the parser was given, so a test can tell that the key names a real
 * place in the input rather than a made-up one.
 */
import type { Segment } from './variant-arbitraries.ts';

function isVariantLike(v: unknown): v is { signature: string; value: unknown } {
  return (
    typeof v === 'object' &&
    v !== null &&
    Object.hasOwn(v, 'signature') &&
    typeof (v as { signature: unknown }).signature === 'string' &&
    Object.hasOwn(v, 'value')
  );
}

const boundary = (rest: string) => rest === '' || rest.startsWith('.') || rest.startsWith('[');

/**
 * Every way `rest` can be read as keys and indices below `node`. Variants
 * are passed through (an error may name one or its content alike, and
 * `.value` may name the content explicitly). The last step may name a key or
 * index the input lacks: that is how a missing required key is reported.
 */
function walk(node: unknown, rest: string, through = 0): Segment[][] {
  if (rest === '') return [[]];
  const found: Segment[][] = [];
  // A parser unwraps at most two variants in a row (`v` inside `av`); deeper is not a place it names.
  if (isVariantLike(node) && through < 2) {
    if (rest.startsWith('.value') && boundary(rest.slice(6)))
      found.push(...walk(node.value, rest.slice(6)));
    found.push(...walk(node.value, rest, through + 1));
  }
  const index = /^\[(\d+)\]/.exec(rest);
  if (index && Array.isArray(node)) {
    const i = Number(index[1]);
    const after = rest.slice(index[0].length);
    if (i < node.length) found.push(...walk(node[i], after).map((p) => [i, ...p]));
    else if (after === '') found.push([i]);
  }
  if (rest.startsWith('.') && typeof node === 'object' && node !== null && !Array.isArray(node)) {
    const name = rest.slice(1);
    let matched = false;
    for (const key of Object.keys(node)) {
      if (!name.startsWith(key) || !boundary(name.slice(key.length))) continue;
      matched = true;
      const child = (node as Record<string, unknown>)[key];
      found.push(...walk(child, name.slice(key.length)).map((p) => [key, ...p]));
    }
    // A missing key is named last, and is a plain name (the keys the parsers require are).
    if (!matched && name !== '' && !/[.[]/.test(name)) found.push([name]);
  }
  return found;
}

/**
 * The paths `key` names in `input`, read after `root` (the name the parser
 * gives the whole input); empty when the key does not start with `root` or
 * names nothing there.
 */
export function pathsOfKey(input: unknown, root: string, key: string): Segment[][] {
  if (!key.startsWith(root)) return [];
  const rest = key.slice(root.length);
  if (!boundary(rest)) return [];
  return walk(input, rest);
}
