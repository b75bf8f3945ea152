/** `AcceptLanguage`: the documented values; names are kept in Chinese and English. */
import { EcsError } from '../errors.js';
import type { Params } from '../params.js';
import type { LocalNames } from './regions.js';

const LANGUAGES = ['zh-CN', 'zh-TW', 'en-US', 'ja', 'fr', 'de', 'ko'] as const;

export function acceptLanguage(params: Params): string {
  const value = params.string('AcceptLanguage') ?? 'zh-CN';
  if (!(LANGUAGES as readonly string[]).includes(value)) throw new EcsError('InvalidAcceptLanguage.NotFound');
  return value;
}

export function localName(names: LocalNames, language: string): string {
  return language.startsWith('zh') ? names['zh-CN'] : names['en-US'];
}
