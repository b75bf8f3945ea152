/**
 * The loader the bundled providers use for the SDK model files they leave out of the bundle
 * (dev/bundle-providers.ts): sibling models load once, in cycles as with Node's require, and
 * shared packages are the loader's own objects. The bundle itself is exercised by every test
 * that runs terraform; here the files are small stand-ins written to a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sdkModelLoader } from '../../src/provider/client/sdk-model-loader.js';

const directory = mkdtempSync(join(tmpdir(), 'sdk-models-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const files: Record<string, string> = {
  // The generated models' shape: `this` at the top is `exports`, the base class comes from a shared package.
  'Request.js': `"use strict";
var base = require("@darabonba/typescript");
var tag = require("./RequestTag");
class Request extends base.Model { constructor(map) { super(map); this.tag = new tag.RequestTag(); } }
exports.Request = Request;
exports.thisIsExports = this === exports;`,
  'RequestTag.js': `"use strict";
var base = require("@darabonba/typescript");
var request = require("./Request");
class RequestTag extends base.Model {}
exports.RequestTag = RequestTag;
exports.sawPartialRequest = request.Request === undefined;`,
  'Unshared.js': 'require("lodash");',
  'Broken.js': 'throw new Error("broken model");',
};
for (const [name, source] of Object.entries(files)) writeFileSync(join(directory, name), source);

class Model {
  constructor(readonly map?: unknown) {}
}

describe('sdkModelLoader', () => {
  const load = sdkModelLoader('ecs20140526', { '@darabonba/typescript': { Model } }, directory);

  it('loads a model once, extending the shared package the loader was given', () => {
    const first = load('./Request') as { Request: new (map: unknown) => { tag: unknown }; thisIsExports: boolean };
    expect(load('./Request')).toBe(first);
    const request = new first.Request({ imageId: 'm-1' });
    expect(request).toBeInstanceOf(Model);
    expect(request.tag).toBeInstanceOf((load('./RequestTag') as { RequestTag: typeof Model }).RequestTag);
    expect(first.thisIsExports).toBe(true);
  });

  it('gives a model in a require cycle the exports so far, as Node does', () => {
    expect((load('./RequestTag') as { sawPartialRequest: boolean }).sawPartialRequest).toBe(true);
  });

  it('refuses a package it does not share, naming the SDK and the package', () => {
    expect(() => load('./Unshared')).toThrow('@alicloud/ecs20140526 model requires lodash, which the provider bundle does not share with its models');
  });

  it('does not keep a model that failed: the next require runs it again', () => {
    expect(() => load('./Broken')).toThrow('broken model');
    expect(() => load('./Broken')).toThrow('broken model');
  });
});
