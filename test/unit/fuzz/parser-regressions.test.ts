/**
 * What the parser fuzzing (parsers.fuzz.test.ts) found, pinned as plain
 * cases so each stays fixed whatever seed a later fuzzing run draws.
 */
import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { parseDeployment } from '../../../daemon-bridge/rpm-ostree/parse-deployment.ts';
import { parseSearchResult } from '../../../daemon-bridge/rpm-ostree/parse-package-info.ts';
import { parseRpmDiff } from '../../../daemon-bridge/rpm-ostree/parse-rpm-diff.ts';
import { parseErrorOf } from '../../support/parse-error.ts';
import { dict, entryOf, leaf, render, variant } from '../../support/variant-arbitraries.ts';

const deployment = (extra: Record<string, Variant>) => ({
  id: new Variant('s', 'fedora-abc.0'),
  osname: new Variant('s', 'fedora'),
  serial: new Variant('i', 0),
  checksum: new Variant('s', 'abc'),
  booted: new Variant('b', true),
  ...extra,
});

const pkg = (epoch: unknown) =>
  new Variant('(sstsss)', ['nano-7.2-1.x86_64', 'nano', epoch, '7.2', '1', 'x86_64']);

/** A dict as dbus-next builds it (`obj[key] = v`), here with a `toString` key. */
const dictWithToString = () => render(dict([entryOf('toString', variant('s', leaf('x')))]));

describe('parser fuzzing regressions', () => {
  it('an rpm-diff change type that is a dict with a toString key is a ParseError, not a TypeError', () => {
    expect(parseErrorOf(() => parseRpmDiff([['x', dictWithToString(), {}]]))).toEqual({
      key: 'rpm-diff[0][1]',
      reason: 'unknown change type object',
    });
  });

  it.each(['__proto__', 'constructor', 'toString'])(
    "a Search match group '%s' is unknown, not a member of Object.prototype",
    (key) => {
      const entry = {
        name: new Variant('s', 'htop'),
        nevra: new Variant('s', 'htop-3.4.1-2.fc43.x86_64'),
        key: new Variant('s', key),
      };
      expect(parseErrorOf(() => parseSearchResult([entry]))).toEqual({
        key: 'Search[0].key',
        reason: `unknown match group '${key}'`,
      });
    },
  );

  it('a bad field of a base-local-replacement names the package it sits in', () => {
    const replacements = (a: Variant, b: Variant) =>
      deployment({ 'base-local-replacements': new Variant('a(vv)', [[a, b]]) });
    expect(parseErrorOf(() => parseDeployment(replacements(pkg('0'), pkg(0n)))).key).toBe(
      'deployment.base-local-replacements[0][0][2]',
    );
    expect(parseErrorOf(() => parseDeployment(replacements(pkg(0n), pkg('0')))).key).toBe(
      'deployment.base-local-replacements[0][1][2]',
    );
  });

  it('an `i` outside 32 bits is refused', () => {
    for (const serial of [2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e300])
      expect(
        parseErrorOf(() => parseDeployment(deployment({ serial: new Variant('i', serial) }))),
      ).toEqual({ key: 'deployment.serial', reason: 'expected a 32-bit integer' });
    expect(parseDeployment(deployment({ serial: new Variant('i', -(2 ** 31)) })).serial).toBe(
      -(2 ** 31),
    );
  });

  it('a `t` given as a number beyond 2^53 is refused like a BigInt beyond it', () => {
    for (const timestamp of [2 ** 53, -(2 ** 53), 1e300])
      expect(
        parseErrorOf(() => parseDeployment(deployment({ timestamp: new Variant('t', timestamp) }))),
      ).toEqual({ key: 'deployment.timestamp', reason: 'expected an integer' });
  });
});
