import en from '../translations/en.json' with {type: 'json'}
import ko from '../translations/ko.json' with {type: 'json'}

/** The languages the interface is written in. */
export type UiLang = 'ko' | 'en'
export const uiLangs: readonly UiLang[] = ['ko', 'en']

export type MessageKey = keyof typeof en

const tables: Record<UiLang, Record<MessageKey, string>> = {en, ko}

/** The interface text for `key`, with `{name}` placeholders filled in. */
export function t(lang: UiLang, key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = tables[lang][key] ?? tables.en[key]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

/** A translator bound to one language, for components. */
export function translator(lang: UiLang): (key: MessageKey, values?: Record<string, string | number>) => string {
  return (key, values) => t(lang, key, values)
}

/** Every key of one language's table, so tests can check that both tables hold the same keys. */
export function keysOf(lang: UiLang): string[] {
  return Object.keys(tables[lang])
}

/** The interface strings the browser scripts need, as one object to embed in the page. */
export function clientMessages(lang: UiLang): Record<string, string> {
  const keys: MessageKey[] = [
    'run.progress',
    'run.resetConfirm',
    'run.started',
    'run.ticked',
    'run.filled',
    'toc.progress',
    'command.copied',
    'command.copy',
    'command.copyFailed',
    'search.loading',
    'search.none',
    'search.results',
    'search.unavailable',
    'home.filterCount',
    'lang.ko',
    'lang.en'
  ]
  return Object.fromEntries(keys.map((key) => [key, tables[lang][key]]))
}
