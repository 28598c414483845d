import { MESSAGES, parseLanguage, type Language, type MessageKey } from './i18n/messages.ts';

/** The UI language: `?lang=` in the URL wins, then the last choice, then Chinese. */
export class Locale {
  language = $state<Language>('zh');

  constructor(search: string, stored: string | null) {
    const fromUrl = /[?&]lang=([^&]*)/.exec(search)?.[1];
    this.language = parseLanguage(fromUrl) ?? parseLanguage(stored) ?? 'zh';
  }

  t = (key: MessageKey): string => MESSAGES[this.language][key];

  /** Picks the data's name in the UI language, falling back to the other when one is missing. */
  name = (feature: { name_zh?: string | null; name_en?: string | null }): string =>
    (this.language === 'zh' ? (feature.name_zh ?? feature.name_en) : (feature.name_en ?? feature.name_zh)) ?? '';
}
