import { describe, expect, it } from 'vitest';
import {
  imageDescriptionProblem,
  imageFamilyProblem,
  imageNameProblem,
  imageVersionProblem,
} from '../../src/domain/image-text-rules.js';

describe('imageNameProblem', () => {
  const accepted = ['ab', 'TestCentOS', 'web-server_v1.2:prod', 'a'.repeat(128), 'Z9'];
  it.each(accepted)('accepts %j', (name) => {
    expect(imageNameProblem(name)).toBeUndefined();
  });

  const refused: Array<[string, RegExp]> = [
    ['a', /2 to 128 characters/],
    ['a'.repeat(129), /2 to 128 characters/],
    ['1abc', /start with a letter/],
    ['-abc', /start with a letter/],
    ['aliyun-image', /"aliyun" or "acs:"/],
    ['Aliyun2', /"aliyun" or "acs:"/],
    ['acs:image', /"aliyun" or "acs:"/],
    ['myhttp://x', /http/],
    ['image name', /may contain only/],
    ['image/name', /may contain only/],
    ['中文镜像', /start with a letter/],
  ];
  it.each(refused)('refuses %j', (name, message) => {
    expect(imageNameProblem(name)).toMatch(message);
  });

  it('accepts a Chinese first character only when allowed', () => {
    expect(imageNameProblem('中文镜像-1', { allowChinese: true })).toBeUndefined();
    expect(imageNameProblem('镜像', { allowChinese: true })).toBeUndefined();
    expect(imageNameProblem('1镜像', { allowChinese: true })).toMatch(/a letter or a Chinese character/);
    expect(imageNameProblem('image镜像')).toMatch(/may contain only/);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(imageNameProblem('镜'.repeat(128), { allowChinese: true })).toBeUndefined();
  });
});

describe('imageFamilyProblem', () => {
  it.each(['hangzhou-daily-update', 'ab'])('accepts %j', (family) => {
    expect(imageFamilyProblem(family)).toBeUndefined();
  });
  it.each([
    ['x', /2 to 128/],
    ['aliyun-family', /"aliyun"/],
    ['acs:family', /"acs:"/],
    ['family-https://x', /http/],
    ['9family', /start with a letter/],
  ])('refuses %j', (family, message) => {
    expect(imageFamilyProblem(family)).toMatch(message);
  });
});

describe('imageDescriptionProblem', () => {
  it.each(['ab', 'An image for the web tier, built nightly.', 'd'.repeat(256), 'see http://x inside'])(
    'accepts %j',
    (description) => {
      expect(imageDescriptionProblem(description)).toBeUndefined();
    },
  );
  it.each([
    ['x', /2 to 256/],
    ['d'.repeat(257), /2 to 256/],
    ['http://example.com', /must not start with/],
    ['HTTPS://example.com', /must not start with/],
  ])('refuses %j', (description, message) => {
    expect(imageDescriptionProblem(description)).toMatch(message);
  });
});

describe('imageVersionProblem', () => {
  it.each(['2017011017', '1.0.3', 'v2_beta-1'])('accepts %j', (version) => {
    expect(imageVersionProblem(version)).toBeUndefined();
  });
  it.each([
    ['1'.repeat(41), /1 to 40/],
    ['1 0', /may contain only/],
    ['v1/2', /may contain only/],
  ])('refuses %j', (version, message) => {
    expect(imageVersionProblem(version)).toMatch(message);
  });
});
