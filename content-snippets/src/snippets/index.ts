import type { Locale } from '../locales.ts';
import type { SnippetValues } from './definitions.ts';
import { ar } from './locales/ar.ts';
import { de } from './locales/de.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { he } from './locales/he.ts';
import { it } from './locales/it.ts';
import { ja } from './locales/ja.ts';
import { nl } from './locales/nl.ts';
import { pl } from './locales/pl.ts';
import { ptBR } from './locales/pt-BR.ts';
import { zhCN } from './locales/zh-CN.ts';

/** Enroute's own words in every locale; what the CMS seeds and falls back to. */
export const defaultSnippets: Record<Locale, SnippetValues> = {
  en,
  es,
  fr,
  de,
  'pt-BR': ptBR,
  nl,
  it,
  pl,
  ja,
  'zh-CN': zhCN,
  ar,
  he,
};
